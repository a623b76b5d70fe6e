package io.cellgate.operate;

/**
 * An operator's request refused, told as its message alone: the shell prints it as it is (Gogo prints a failed
 * command's exception with {@code toString()}, which would otherwise lead with the class name) and the web console
 * answers it with a 4xx.
 */
public class Refusal extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public Refusal(String message) {
        super(message);
    }

    @Override
    public String toString() {
        return getMessage();
    }
}
