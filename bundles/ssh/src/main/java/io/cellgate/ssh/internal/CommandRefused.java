package io.cellgate.ssh.internal;

/** A command's refusal, printed by Gogo as its sentence alone (Gogo prints an exception's toString()). */
final class CommandRefused extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    CommandRefused(String sentence) {
        super(sentence);
    }

    @Override
    public String toString() {
        return getMessage();
    }
}
