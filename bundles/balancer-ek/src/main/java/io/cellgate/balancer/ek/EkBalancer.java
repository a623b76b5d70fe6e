package io.cellgate.balancer.ek;

import io.cellgate.api.balancer.Balancer;
import io.cellgate.api.balancer.BoardState;
import io.cellgate.api.balancer.Decision;
import io.cellgate.api.balancer.Indicator;
import io.cellgate.api.balancer.Microvolts;
import io.cellgate.api.balancer.PairDirection;
import io.cellgate.api.pack.PackReading;
import java.util.Arrays;

/**
 * One pack's EK-L20S1A board (or cascade of boards, see {@link EkLayout}), with the state a board keeps: which pairs
 * are balancing (hysteresis) and which boards are awake. Quotes are from the EK-L20S1A datasheet V1.0.
 *
 * <ul>
 * <li><b>Trigger and stop</b> — "When the voltage difference between adjacent batteries is &gt;0.1V, the balancing
 * operation is automatically triggered until the voltage difference between adjacent batteries is ≤0.03V, and the
 * balancing is completed." Per pair: an idle pair starts when |ΔV| &gt; trigger, a balancing pair continues while
 * |ΔV| &gt; stop; in between a pair keeps what it was doing. Differences are compared in whole microvolts
 * ({@link Microvolts}), so exactly 0.100 V does not trigger and exactly 0.030 V stops.</li>
 * <li><b>Direction and current</b> — "active energy transfer": from the higher cell to the lower one, at
 * {@link EkProfile#currentAmps(double)}.</li>
 * <li><b>Flashing cells</b> — "Flashing: Bad battery contact"; "Cell Voltage Working Range 3.0-4.5V". A cell without
 * a valid reading, or outside the working range (the limits themselves are inside), flashes and both its pairs stop;
 * every other pair goes on. The board is in {@link BoardState#FAULT}.</li>
 * <li><b>Temperature</b> — "Working Temperature -20°C - +60°C". A known temperature outside it stops every pair and
 * faults the board; it does not flash the indicators. An unknown (NaN) temperature is no fault.</li>
 * <li><b>Indicators</b> — "Always on: in equilibrium; Flashing: Bad battery contact; Go out: Equalization
 * completed/no equalization required". ON for both cells of a balancing pair, FLASHING for a flashing cell, OFF
 * otherwise.</li>
 * <li><b>Sleep</b> — "When the adjacent voltage difference is less than 30mV, it enters sleep state";
 * "Quiescent Operating Current 10uA". A board falls asleep when none of its pairs balances and each of its pairs
 * between two non-flashing cells differs by strictly less than the stop threshold; asleep, its pairs are all idle, so
 * it wakes only when one passes the trigger. At exactly 30 mV a pair stops (≤ 0.03 V) but the board stays awake
 * (not &lt; 30 mV). A board showing a fault is awake. A fresh board starts awake. Each board draws
 * {@link EkProfile#quiescentAmps()} asleep and {@link EkProfile#activeDrawAmps()} awake; the decision's draw is the
 * sum over the boards.</li>
 * <li><b>Low strings and cascading</b> — see {@link EkLayout}: a low-strings board flashes its topmost cell and is in
 * fault; a cascade is only warned about (no FAULT), and the pairs between boards never balance.</li>
 * </ul>
 *
 * <p>{@link #decide} allocates nothing and never throws for a reading and decision of the pack's size; for any other
 * size it gives the fail-safe decision. One thread at a time.
 */
final class EkBalancer implements Balancer {

    private final EkProfile profile;
    private final EkLayout layout;
    private final EkMessages messages;
    private final long triggerMicrovolts;
    private final long stopMicrovolts;

    /** Hysteresis state per pair: true while the pair is balancing. */
    private final boolean[] balancing;
    /** Sleep state per board. */
    private final boolean[] boardAwake;

    // Per-tick scratch, cleared at the start of every tick.
    private final boolean[] cellFlashing;
    private final boolean[] boardFault;
    private final boolean[] boardBalancing;
    private final boolean[] boardSettled;

    EkBalancer(EkProfile profile, int cells) {
        this.profile = profile;
        this.layout = new EkLayout(cells, profile.strings());
        this.messages = EkMessages.of(profile, layout);
        this.triggerMicrovolts = Microvolts.of(profile.triggerVolts());
        this.stopMicrovolts = Microvolts.of(profile.stopVolts());
        int boards = layout.boards();
        balancing = new boolean[cells - 1];
        boardAwake = new boolean[boards];
        Arrays.fill(boardAwake, true);
        cellFlashing = new boolean[cells];
        boardFault = new boolean[boards];
        boardBalancing = new boolean[boards];
        boardSettled = new boolean[boards];
    }

    @Override
    public void decide(PackReading reading, Decision out) {
        int cells = layout.cells();
        if (reading.cells() != cells || out.cells() != cells) {
            out.failSafe(messages.sizeMismatch());
            return;
        }
        Arrays.fill(boardFault, false);
        Arrays.fill(boardBalancing, false);
        Arrays.fill(boardSettled, true);
        reportWiring(out);
        boolean temperatureFault = checkTemperature(reading.temperatureCelsius(), out);
        markFlashingCells(reading, out);
        decidePairs(reading, out, temperatureFault);
        decideBoards(out);
    }

    private void reportWiring(Decision out) {
        if (messages.lowStrings() != null) {
            out.addFault(messages.lowStrings());
        }
        if (messages.cascade() != null) {
            out.addFault(messages.cascade());
        }
    }

    /** "Working Temperature -20°C - +60°C": outside it every board stops; NaN means unknown, not a fault. */
    private boolean checkTemperature(double celsius, Decision out) {
        String fault = celsius < profile.minCelsius() ? messages.belowTemperature()
                : celsius > profile.maxCelsius() ? messages.aboveTemperature() : null;
        if (fault == null) {
            return false;
        }
        out.addFault(fault);
        Arrays.fill(boardFault, true);
        return true;
    }

    /** "Flashing: Bad battery contact", and cells outside the "Cell Voltage Working Range 3.0-4.5V". */
    private void markFlashingCells(PackReading reading, Decision out) {
        int lowStringsCell = layout.lowStringsCell();
        for (int cell = 0; cell < cellFlashing.length; cell++) {
            String fault = cellFault(reading, cell);
            boolean flashing = fault != null || cell == lowStringsCell;
            cellFlashing[cell] = flashing;
            if (fault != null) {
                out.addFault(fault);
            }
            if (flashing) {
                out.setIndicator(cell, Indicator.FLASHING);
                boardFault[layout.boardOfCell(cell)] = true;
            }
        }
    }

    private String cellFault(PackReading reading, int cell) {
        if (!reading.isValid(cell)) {
            return messages.invalidCell().forCell(cell);
        }
        double cellVolts = reading.volts(cell);
        if (cellVolts < profile.minCellVolts()) {
            return messages.belowRange().forCell(cell);
        }
        return cellVolts > profile.maxCellVolts() ? messages.aboveRange().forCell(cell) : null;
    }

    /** "&gt;0.1V ... triggered until ... ≤0.03V", pair by pair, for the pairs a board owns between sound cells. */
    private void decidePairs(PackReading reading, Decision out, boolean stopAll) {
        for (int pair = 0; pair < balancing.length; pair++) {
            int board = layout.boardOfPair(pair);
            if (board < 0 || cellFlashing[pair] || cellFlashing[pair + 1]) {
                balancing[pair] = false;
                continue;
            }
            long deltaMicrovolts = Microvolts.of(reading.volts(pair + 1) - reading.volts(pair));
            long absMicrovolts = Math.abs(deltaMicrovolts);
            if (absMicrovolts >= stopMicrovolts) {
                boardSettled[board] = false;
            }
            boolean on = !stopAll
                    && absMicrovolts > (balancing[pair] ? stopMicrovolts : triggerMicrovolts);
            balancing[pair] = on;
            if (on) {
                drive(out, pair, deltaMicrovolts);
                boardBalancing[board] = true;
            }
        }
    }

    /** Energy flows from the higher cell to the lower one; "Always on: in equilibrium" for both cells. */
    private void drive(Decision out, int pair, long deltaMicrovolts) {
        PairDirection direction = deltaMicrovolts > 0 ? PairDirection.UPPER_TO_LOWER : PairDirection.LOWER_TO_UPPER;
        double deltaVolts = Math.abs(deltaMicrovolts) / 1e6;
        out.setPair(pair, direction, profile.currentAmps(deltaVolts));
        out.setIndicator(pair, Indicator.ON);
        out.setIndicator(pair + 1, Indicator.ON);
    }

    /** Sleep and wake per board, then the state and draw of the whole. */
    private void decideBoards(Decision out) {
        boolean anyFault = false;
        boolean anyAwake = false;
        double drawAmps = 0;
        for (int board = 0; board < boardAwake.length; board++) {
            if (boardBalancing[board] || boardFault[board]) {
                boardAwake[board] = true;
            } else if (boardSettled[board]) {
                boardAwake[board] = false;
            }
            anyFault |= boardFault[board];
            anyAwake |= boardAwake[board];
            drawAmps += boardAwake[board] ? profile.activeDrawAmps() : profile.quiescentAmps();
        }
        out.setBoardState(anyFault ? BoardState.FAULT : anyAwake ? BoardState.ACTIVE : BoardState.SLEEP);
        out.setBoardDrawAmps(drawAmps);
    }
}
