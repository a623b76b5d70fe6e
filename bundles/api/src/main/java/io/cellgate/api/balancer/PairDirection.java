package io.cellgate.api.balancer;

/** Which way a pair moves energy. Pair k joins the lower cell k and the upper cell k+1. */
public enum PairDirection {
    IDLE,
    /** From cell k to cell k+1. */
    LOWER_TO_UPPER,
    /** From cell k+1 to cell k. */
    UPPER_TO_LOWER;

    /** The cell giving energy in pair {@code pair}, or -1 when idle. */
    public int donor(int pair) {
        return switch (this) {
            case IDLE -> -1;
            case LOWER_TO_UPPER -> pair;
            case UPPER_TO_LOWER -> pair + 1;
        };
    }

    /** The cell receiving energy in pair {@code pair}, or -1 when idle. */
    public int receiver(int pair) {
        return switch (this) {
            case IDLE -> -1;
            case LOWER_TO_UPPER -> pair + 1;
            case UPPER_TO_LOWER -> pair;
        };
    }

    /**
     * How a person reads the pair's direction: {@code "idle"}, or {@code "3->4"} when energy moves from cell 3 to
     * cell 4, cells numbered from 1 as the shell, the console and the telemetry show them.
     */
    public String label(int pair) {
        return this == IDLE ? "idle" : (donor(pair) + 1) + "->" + (receiver(pair) + 1);
    }
}
