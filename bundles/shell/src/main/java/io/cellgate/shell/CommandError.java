package io.cellgate.shell;

/**
 * A mistake in a command line, told to the operator as its message alone: Gogo prints a failed command's exception
 * with {@code toString()}, which would otherwise lead with the exception's class name.
 */
final class CommandError extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    CommandError(String message) {
        super(message);
    }

    @Override
    public String toString() {
        return getMessage();
    }
}
