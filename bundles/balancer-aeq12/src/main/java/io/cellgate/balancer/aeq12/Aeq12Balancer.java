package io.cellgate.balancer.aeq12;

import io.cellgate.api.balancer.Balancer;
import io.cellgate.api.balancer.BoardState;
import io.cellgate.api.balancer.Decision;
import io.cellgate.api.balancer.Indicator;
import io.cellgate.api.balancer.Microvolts;
import io.cellgate.api.balancer.PairDirection;
import io.cellgate.api.pack.PackReading;
import java.util.Arrays;

/**
 * One pack's 1.2 A adjacent equalizer. Rules, each with the sentence it follows (see {@link Aeq12Profile}):
 *
 * <ul>
 * <li><b>Adjacent transfer</b> — "this board works on the principle of adjacent equalization": pair k moves energy
 * from the higher of cells k and k+1 to the lower one.</li>
 * <li><b>Start and stop</b> — "reaches 0.1V or more ... until ... within 0.03V": an idle pair starts when
 * |ΔV| ≥ trigger, a balancing pair goes on while |ΔV| &gt; stop; in between a pair keeps what it was doing.
 * Differences are compared in whole microvolts.</li>
 * <li><b>Current</b> — "above 0.1V (the current is about 0.5-0.7A); ... above 0.2V (reaching the equilibrium current
 * of 1.2A). The smaller the pressure difference, the smaller the equilibrium current":
 * {@link Aeq12Profile#currentAmps(double)}.</li>
 * <li><b>Working voltage</b> — "The working voltage is 2.0V-4.5V": a cell without a valid reading or outside it
 * (the limits are inside) flashes, "the string is dropped, or the circuit is faulty", and both its pairs stop and
 * forget their state; the other pairs go on; the board is in FAULT.</li>
 * <li><b>Indicators</b> — "When the equalization light is on, the equalization work is turned on. The equalizing lamp
 * goes out, the equalizing circuit is dormant": ON for both cells of a balancing pair, OFF otherwise; the board is
 * ACTIVE while a pair balances and SLEEP ("dormant") otherwise.</li>
 * </ul>
 *
 * <p>The listing gives no temperature range, quiescent current or string count: none is modelled, and the board draws
 * nothing in the decision. {@code decide} allocates nothing; one thread at a time.
 */
final class Aeq12Balancer implements Balancer {

    private final Aeq12Profile profile;
    private final Aeq12Messages messages;
    private final int cells;
    private final long triggerMicrovolts;
    private final long stopMicrovolts;
    /** Hysteresis per pair: true while the pair is balancing. */
    private final boolean[] balancing;
    /** Per-tick scratch. */
    private final boolean[] flashing;

    Aeq12Balancer(Aeq12Profile profile, int cells) {
        this.profile = profile;
        this.messages = Aeq12Messages.of(profile, cells);
        this.cells = cells;
        this.triggerMicrovolts = Microvolts.of(profile.triggerVolts());
        this.stopMicrovolts = Microvolts.of(profile.stopVolts());
        this.balancing = new boolean[cells - 1];
        this.flashing = new boolean[cells];
    }

    @Override
    public void decide(PackReading reading, Decision out) {
        if (reading.cells() != cells || out.cells() != cells) {
            Arrays.fill(balancing, false);
            out.failSafe(messages.sizeMismatch());
            return;
        }
        boolean fault = markFlashingCells(reading, out);
        boolean any = false;
        for (int pair = 0; pair < balancing.length; pair++) {
            if (flashing[pair] || flashing[pair + 1]) {
                balancing[pair] = false;
                continue;
            }
            long delta = Microvolts.of(reading.volts(pair + 1) - reading.volts(pair));
            long abs = Math.abs(delta);
            balancing[pair] = balancing[pair] ? abs > stopMicrovolts : abs >= triggerMicrovolts;
            if (balancing[pair]) {
                PairDirection direction = delta > 0 ? PairDirection.UPPER_TO_LOWER : PairDirection.LOWER_TO_UPPER;
                out.setPair(pair, direction, profile.currentAmps(abs / 1e6));
                out.setIndicator(pair, Indicator.ON);
                out.setIndicator(pair + 1, Indicator.ON);
                any = true;
            }
        }
        out.setBoardState(fault ? BoardState.FAULT : any ? BoardState.ACTIVE : BoardState.SLEEP);
        out.setBoardDrawAmps(0);
    }

    /** Flashes every cell without a valid reading or outside the working voltage; true when there is one. */
    private boolean markFlashingCells(PackReading reading, Decision out) {
        boolean any = false;
        for (int cell = 0; cell < cells; cell++) {
            String fault = !reading.isValid(cell) ? messages.invalidCell().forCell(cell)
                    : !(reading.volts(cell) >= profile.minCellVolts() && reading.volts(cell) <= profile.maxCellVolts())
                            ? messages.outOfRange().forCell(cell) : null;
            flashing[cell] = fault != null;
            if (fault != null) {
                out.addFault(fault);
                out.setIndicator(cell, Indicator.FLASHING); // its pairs stay idle, so nothing turns it ON
                any = true;
            }
        }
        return any;
    }
}
