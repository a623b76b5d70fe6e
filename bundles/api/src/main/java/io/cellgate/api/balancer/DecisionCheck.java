package io.cellgate.api.balancer;

import io.cellgate.api.pack.CellStatus;
import io.cellgate.api.pack.PackReading;

/**
 * The platform's one check of what goes into a balancer and what comes out of it (whether a model fits a pack at
 * all is {@link ModelDescriptor#unsupportedReason}). The pack runtime runs it on
 * every tick, and so do the scenario and replay runners (which run the runtime's engine) and the conformance kit,
 * so that a scenario refuses exactly what the gateway refuses. Allocates nothing.
 */
public final class DecisionCheck {

    /** Highest cell voltage any real cell can show; beyond it a reading is a measuring fault. */
    public static final double MAX_PLAUSIBLE_VOLTS = 6.0;

    /**
     * Relative slack on a model's declared maximum current, so that a setpoint computed as exactly the maximum
     * (with floating-point rounding) is not refused.
     */
    public static final double AMPS_TOLERANCE = 1e-9;

    private DecisionCheck() {
    }

    /**
     * Marks every cell that its source called OK but whose voltage no cell can show (negative, above
     * {@link #MAX_PLAUSIBLE_VOLTS}, not a number) as {@link CellStatus#OUT_OF_RANGE}: a measuring fault, whatever
     * the source said.
     */
    public static void validate(PackReading reading) {
        for (int c = 0; c < reading.cells(); c++) {
            double v = reading.volts(c);
            if (reading.status(c) == CellStatus.OK && !(v >= 0 && v <= MAX_PLAUSIBLE_VOLTS)) {
                reading.setStatus(c, CellStatus.OUT_OF_RANGE);
            }
        }
    }

    /**
     * Whether {@code decision} is safe to drive for {@code reading}: no pair balances and no cell bleeds on an
     * invalid cell, and no current exceeds {@code maxAmps}, the model's declared maximum.
     */
    public static boolean isSafe(PackReading reading, Decision decision, double maxAmps) {
        double limit = maxAmps * (1 + AMPS_TOLERANCE);
        for (int k = 0; k < decision.pairs(); k++) {
            if (decision.isBalancing(k)
                    && (!reading.isValid(k) || !reading.isValid(k + 1) || decision.amps(k) > limit)) {
                return false;
            }
        }
        for (int c = 0; c < decision.cells(); c++) {
            if (decision.isBleeding(c) && (!reading.isValid(c) || decision.bleedAmps(c) > limit)) {
                return false;
            }
        }
        return true;
    }
}
