package ${package};

import io.cellgate.api.balancer.Balancer;
import io.cellgate.api.balancer.BoardState;
import io.cellgate.api.balancer.Decision;
import io.cellgate.api.balancer.Indicator;
import io.cellgate.api.pack.PackReading;

/**
 * One pack's ${modelId} board. As generated it is safe and does nothing: it flashes every cell it cannot trust and
 * balances no pair. TODO: write the board's algorithm in {@link #decidePairs}.
 *
 * <p>The platform's rules for {@code decide} (docs/adding-a-board.md): never balance a pair touching a cell whose
 * reading is not valid or lies outside the working range; never drive a pair above the declared maximum current;
 * allocate nothing (build every message once, in the constructor); never throw for a reading of the pack's size.
 */
final class ${boardClass}Balancer implements Balancer {

    private final int cells;
    private final double minCellVolts;
    private final double maxCellVolts;
    private final double maxAmps;
    private final String[] cellFaults;
    private final String sizeMismatch;
    /** Per-tick scratch: cells that may not take part. */
    private final boolean[] flashing;

    ${boardClass}Balancer(int cells, double minCellVolts, double maxCellVolts, double maxAmps) {
        this.cells = cells;
        this.minCellVolts = minCellVolts;
        this.maxCellVolts = maxCellVolts;
        this.maxAmps = maxAmps;
        this.flashing = new boolean[cells];
        this.cellFaults = new String[cells];
        for (int cell = 0; cell < cells; cell++) {
            cellFaults[cell] = "cell " + (cell + 1) + ": no valid reading or outside " + minCellVolts + "-"
                    + maxCellVolts + " V; indicator flashing, its pairs stopped";
        }
        this.sizeMismatch = "reading or decision not sized for this pack of " + cells + " cells: fail-safe";
    }

    @Override
    public void decide(PackReading reading, Decision out) {
        if (reading.cells() != cells || out.cells() != cells) {
            out.failSafe(sizeMismatch);
            return;
        }
        boolean fault = false;
        for (int cell = 0; cell < cells; cell++) {
            double volts = reading.volts(cell);
            flashing[cell] = !reading.isValid(cell) || !(volts >= minCellVolts && volts <= maxCellVolts);
            if (flashing[cell]) {
                out.setIndicator(cell, Indicator.FLASHING);
                out.addFault(cellFaults[cell]);
                fault = true;
            }
        }
        boolean balancing = decidePairs(reading, out);
        out.setBoardState(fault ? BoardState.FAULT : balancing ? BoardState.ACTIVE : BoardState.SLEEP);
    }

    /**
     * TODO: your board's algorithm. For each pair k (cells k and k+1) that touches no flashing cell, decide with
     * {@code out.setPair(k, direction, amps)} (amps at most {@link #maxAmps}) and set both cells' indicators ON.
     *
     * @return whether any pair balances
     */
    private boolean decidePairs(PackReading reading, Decision out) {
        return false;
    }
}
