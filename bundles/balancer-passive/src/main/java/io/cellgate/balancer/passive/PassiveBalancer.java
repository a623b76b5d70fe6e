package io.cellgate.balancer.passive;

import io.cellgate.api.balancer.Balancer;
import io.cellgate.api.balancer.BoardState;
import io.cellgate.api.balancer.Decision;
import io.cellgate.api.balancer.Indicator;
import io.cellgate.api.balancer.Microvolts;
import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackReading;

/**
 * One pack's passive bleed board: a switched resistor across each cell. Rules, each with the source line it follows
 * (see {@link PassiveProfile} and the bundle's README):
 *
 * <ul>
 * <li><b>Usable cells</b> — only a cell with a valid reading ({@link PackReading#isValid}) at or below
 * {@link PassiveProfile#maxCellVolts()} takes part; any other flashes and is never bled. The pack's lowest and
 * highest usable cells are the references.</li>
 * <li><b>Lower limit</b> — foxBMS: "stop balancing if minimum voltage is below minimum threshold"
 * ({@code minimumCellVoltage_mV <= BAL_LOWER_VOLTAGE_LIMIT_mV}): while the lowest usable cell is at or below
 * {@link PassiveProfile#minCellVolts(Chemistry)}, nothing bleeds and that cell flashes.</li>
 * <li><b>Temperature</b> — foxBMS: "maximum cell temperature breached upper temperature limit"
 * ({@code >= BAL_UPPER_TEMPERATURE_LIMIT_ddegC}): at or above {@link PassiveProfile#maxCelsius()} nothing bleeds; an
 * unknown (NaN) temperature is no fault.</li>
 * <li><b>Start gate</b> — Libre Solar: balancing only while "cell_voltage_max &gt; bal_cell_voltage_min": with a
 * start voltage declared, nothing bleeds unless the highest usable cell is above it, and the board is idle.</li>
 * <li><b>Trigger, stop and hysteresis</b> — foxBMS starts at threshold plus hysteresis and, once balancing, bleeds
 * "cellVoltage_mV[...] &gt; (min + bal_state.balancingThreshold)" with the plain threshold, until no cell is above it
 * ("set threshold with hysteresis in order to prevent too early reenabling of balancing"). An idle board starts when
 * a usable cell stands more than {@link PassiveProfile#triggerVolts()} above the lowest; a started board bleeds every
 * usable cell more than {@link PassiveProfile#stopVolts()} above the lowest, and goes idle when there is none.
 * Differences are compared in whole microvolts. Libre Solar's trigger and stop are the same 10 mV.</li>
 * <li><b>Bleed current</b> — Ohm's law, {@link PassiveProfile#bleedAmps(double)}: the cell's voltage over the
 * resistor.</li>
 * <li><b>Indicators and board</b> — ON while a cell bleeds, FLASHING for a faulted cell, OFF otherwise. The board is in
 * FAULT while a cell flashes or it is too hot, ACTIVE while anything bleeds, SLEEP otherwise. The switches are driven
 * by the gateway's output: the board itself draws nothing from the pack.</li>
 * </ul>
 *
 * <p>The bleed of each cell goes into {@link Decision#setBleed}; the gateway's balance output switches the resistors.
 * {@code decide} allocates nothing; one thread at a time.
 */
final class PassiveBalancer implements Balancer {

    private final PassiveProfile profile;
    private final PassiveMessages messages;
    private final int cells;
    private final double minCellVolts;
    private final double startCellVolts;
    private final long triggerMicrovolts;
    private final long stopMicrovolts;

    /** Hysteresis: true from a start until no cell stands above the stop difference. */
    private boolean started;
    /** Per-tick scratch: which cells may take part. */
    private final boolean[] usable;

    PassiveBalancer(PassiveProfile profile, Chemistry chemistry, int cells) {
        this.profile = profile;
        this.messages = PassiveMessages.of(profile, chemistry, cells);
        this.cells = cells;
        this.minCellVolts = profile.minCellVolts(chemistry);
        this.startCellVolts = profile.startCellVolts(chemistry);
        this.triggerMicrovolts = Microvolts.of(profile.triggerVolts());
        this.stopMicrovolts = Microvolts.of(profile.stopVolts());
        this.usable = new boolean[cells];
    }

    @Override
    public void decide(PackReading reading, Decision out) {
        if (reading.cells() != cells || out.cells() != cells) {
            started = false;
            out.failSafe(messages.sizeMismatch());
            return;
        }
        boolean fault = markUsableCells(reading, out);
        int lowest = extreme(reading, true);
        int highest = extreme(reading, false);
        boolean hot = reading.temperatureCelsius() >= profile.maxCelsius();
        if (hot) {
            out.addFault(messages.hot());
            fault = true;
        }
        boolean tooLow = lowest >= 0 && !(reading.volts(lowest) > minCellVolts);
        if (tooLow) {
            out.addFault(messages.atOrBelowMinimum().forCell(lowest));
            out.setIndicator(lowest, Indicator.FLASHING);
            fault = true;
        }
        boolean belowStartGate = highest < 0
                || !(reading.volts(highest) > startCellVolts || Double.isNaN(startCellVolts));
        boolean bleeding = false;
        if (hot || tooLow || belowStartGate || lowest == highest) {
            started = false;
        } else {
            bleeding = bleed(reading, out, reading.volts(lowest));
        }
        out.setBoardState(fault ? BoardState.FAULT : bleeding ? BoardState.ACTIVE : BoardState.SLEEP);
        out.setBoardDrawAmps(0);
    }

    /** Flashes every cell that may not take part; true when there is one. */
    private boolean markUsableCells(PackReading reading, Decision out) {
        boolean any = false;
        for (int cell = 0; cell < cells; cell++) {
            String fault = !reading.isValid(cell) ? messages.invalidCell().forCell(cell)
                    : !(reading.volts(cell) <= profile.maxCellVolts()) ? messages.aboveRange().forCell(cell) : null;
            usable[cell] = fault == null;
            if (fault != null) {
                out.addFault(fault);
                out.setIndicator(cell, Indicator.FLASHING);
                any = true;
            }
        }
        return any;
    }

    /** Index of the lowest (or highest) usable cell, -1 when none is usable. */
    private int extreme(PackReading reading, boolean lowest) {
        int found = -1;
        for (int cell = 0; cell < cells; cell++) {
            if (usable[cell] && (found < 0 || (lowest ? reading.volts(cell) < reading.volts(found)
                    : reading.volts(cell) > reading.volts(found)))) {
                found = cell;
            }
        }
        return found;
    }

    /**
     * Start above the trigger, then bleed every usable cell above the stop difference, until there is none; true
     * when a cell bleeds.
     */
    private boolean bleed(PackReading reading, Decision out, double lowestVolts) {
        if (!started) {
            for (int cell = 0; cell < cells && !started; cell++) {
                started = usable[cell] && microvoltsAbove(reading.volts(cell), lowestVolts) > triggerMicrovolts;
            }
            if (!started) {
                return false;
            }
        }
        boolean any = false;
        for (int cell = 0; cell < cells; cell++) {
            if (usable[cell] && microvoltsAbove(reading.volts(cell), lowestVolts) > stopMicrovolts) {
                out.setBleed(cell, profile.bleedAmps(reading.volts(cell)));
                out.setIndicator(cell, Indicator.ON);
                any = true;
            }
        }
        started = any;
        return any;
    }

    private static long microvoltsAbove(double volts, double lowestVolts) {
        return Microvolts.of(volts - lowestVolts);
    }
}
