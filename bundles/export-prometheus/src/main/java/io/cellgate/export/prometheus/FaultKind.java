package io.cellgate.export.prometheus;

import io.cellgate.api.balancer.BoardState;
import io.cellgate.api.pack.PackHealth;
import io.cellgate.api.telemetry.PackState;

/**
 * The kind of fault a pack shows after a tick, as a label value of {@code cellgate_faults_total}: the pack's health
 * when it is not OK (the tick ran fail-safe), else {@code board} when the balancer put the board in FAULT (a
 * flashing cell, a temperature outside the working range, open channels), else none.
 */
final class FaultKind {

    static final String[] LABELS = {"no_balancer", "no_source", "reading_failed", "balancer_failed",
            "output_failed", "board", "stalled"};
    static final int NONE = -1;

    private FaultKind() {
    }

    /** Index into {@link #LABELS}, or {@link #NONE}. */
    static int of(PackState s) {
        PackHealth h = s.health();
        return switch (h) {
            case NO_BALANCER -> 0;
            case NO_SOURCE -> 1;
            case READING_FAILED -> 2;
            case BALANCER_FAILED -> 3;
            case OUTPUT_FAILED -> 4;
            case OK, BOARD_FAULT -> s.decision().boardState() == BoardState.FAULT ? 5 : NONE;
            case STALLED -> 6;
            case STARTING -> NONE; // waiting for its source within the start-up grace period is no fault
        };
    }
}
