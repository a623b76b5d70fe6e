package io.cellgate.balancer.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.cellgate.api.balancer.Decision;
import io.cellgate.api.balancer.DecisionCheck;
import io.cellgate.api.balancer.Indicator;
import io.cellgate.api.balancer.ModelDescriptor;
import io.cellgate.api.balancer.PairDirection;
import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackReading;

/**
 * What every decision of every model must satisfy, whatever the reading: first the platform's own
 * {@link DecisionCheck}, which the pack runtime applies on every tick (a decision it refuses turns the pack
 * fail-safe), then what a well-behaved model does beyond it (a current needs a direction, no LED ON on an unusable
 * cell, the model's own cell voltage range), each with a message that names the probe.
 */
final class DecisionInvariants {

    private static final double AMPS_SLACK = DecisionCheck.AMPS_TOLERANCE;

    private final ModelDescriptor descriptor;
    private final double minCellVolts;
    private final double maxCellVolts;

    DecisionInvariants(ModelDescriptor descriptor, Chemistry chemistry) {
        this.descriptor = descriptor;
        this.minCellVolts = ParameterNames.value(descriptor, ParameterNames.MIN_CELL_VOLTS, chemistry);
        this.maxCellVolts = ParameterNames.value(descriptor, ParameterNames.MAX_CELL_VOLTS, chemistry);
    }

    /**
     * Whether a cell may take part in balancing: status OK, a finite voltage between 0 and 6 V, and inside the
     * model's declared {@code min.cell.volts}..{@code max.cell.volts} when it declares them.
     */
    boolean usable(PackReading reading, int cell) {
        if (!reading.isValid(cell)) {
            return false;
        }
        double volts = reading.volts(cell);
        return volts >= 0 && volts <= DecisionCheck.MAX_PLAUSIBLE_VOLTS && !(volts < minCellVolts) && !(volts > maxCellVolts);
    }

    /** True when the board balances anything: a pair moves charge, a cell bleeds or a cell's indicator is ON. */
    static boolean active(Decision decision) {
        if (decision.balancingPairs() > 0 || decision.bleedingCells() > 0) {
            return true;
        }
        for (int cell = 0; cell < decision.cells(); cell++) {
            if (decision.indicator(cell) == Indicator.ON) {
                return true;
            }
        }
        return false;
    }

    /** Checks one decision against its reading; {@code context} names the probe in the failure message. */
    void check(PackReading reading, Decision decision, String context) {
        assertNotNull(decision.boardState(), () -> context + ": board state is null");
        double draw = decision.boardDrawAmps();
        assertTrue(draw >= 0 && Double.isFinite(draw), () -> context + ": board draw " + draw
                + " A is not a finite current >= 0");
        for (String fault : decision.faults()) {
            assertNotNull(fault, () -> context + ": a null fault message");
        }
        for (int pair = 0; pair < decision.pairs(); pair++) {
            checkPair(reading, decision, pair, context);
        }
        PackReading validated = new PackReading(reading.cells());
        validated.copyFrom(reading);
        DecisionCheck.validate(validated);
        assertTrue(DecisionCheck.isSafe(validated, decision, descriptor.maxAmps()), () -> context
                + ": the pack runtime would refuse this decision (DecisionCheck) and turn the pack fail-safe");
        for (int cell = 0; cell < decision.cells(); cell++) {
            checkBleed(reading, decision, cell, context);
            Indicator indicator = decision.indicator(cell);
            assertNotNull(indicator, context + ": cell " + (cell + 1) + " has no indicator state");
            if (!usable(reading, cell)) {
                assertNotEquals(Indicator.ON, indicator, describe(context, reading, cell)
                        + " shows ON (taking part in balancing) although it is not usable");
            }
        }
    }

    private void checkPair(PackReading reading, Decision decision, int pair, String context) {
        PairDirection direction = decision.direction(pair);
        double amps = decision.amps(pair);
        assertNotNull(direction, () -> context + ": pair " + (pair + 1) + " has no direction");
        assertTrue(amps >= 0 && Double.isFinite(amps), () -> context + ": pair " + (pair + 1) + " current " + amps
                + " A is not a finite current >= 0");
        assertEquals(direction == PairDirection.IDLE, amps == 0, () -> context + ": pair " + (pair + 1)
                + " is " + direction + " at " + amps + " A: a direction needs a current and a current a direction");
        if (direction == PairDirection.IDLE) {
            return;
        }
        double max = descriptor.maxAmps() * (1 + AMPS_SLACK);
        assertTrue(amps <= max, () -> context + ": pair " + (pair + 1) + " runs " + amps
                + " A, above the declared maxAmps " + descriptor.maxAmps() + " A");
        for (int cell = pair; cell <= pair + 1; cell++) {
            if (!usable(reading, cell)) {
                fail(describe(context, reading, cell) + " is not usable, yet pair " + (pair + 1) + " balances on it");
            }
        }
    }

    private void checkBleed(PackReading reading, Decision decision, int cell, String context) {
        double amps = decision.bleedAmps(cell);
        assertTrue(amps >= 0 && Double.isFinite(amps), () -> context + ": cell " + (cell + 1) + " bleed " + amps
                + " A is not a finite current >= 0");
        if (amps == 0) {
            return;
        }
        assertTrue(amps <= descriptor.maxAmps() * (1 + AMPS_SLACK), () -> context + ": cell " + (cell + 1)
                + " bleeds " + amps + " A, above the declared maxAmps " + descriptor.maxAmps() + " A");
        if (!usable(reading, cell)) {
            fail(describe(context, reading, cell) + " is not usable, yet it bleeds");
        }
    }

    private static String describe(String context, PackReading reading, int cell) {
        return context + ": cell " + (cell + 1) + " (" + reading.volts(cell) + " V, " + reading.status(cell) + ")";
    }
}
