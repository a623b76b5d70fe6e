package io.cellgate.export.prometheus;

import io.cellgate.api.balancer.BoardState;
import io.cellgate.api.balancer.Indicator;
import io.cellgate.api.pack.CellStatus;
import io.cellgate.api.pack.PackHealth;
import io.cellgate.api.runtime.Pack;
import io.cellgate.api.telemetry.PackView;
import io.prometheus.client.Collector;
import io.prometheus.client.CounterMetricFamily;
import io.prometheus.client.GaugeMetricFamily;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * The pack metrics, read from the {@link Pack} services at scrape time so that the tick does no metric work. Every
 * family of one scrape comes from one {@link PackView} per pack, and every value is the view's: nothing is derived
 * here. Cells and pairs are numbered from 1, as in the shell.
 */
final class PackCollector extends Collector {

    private static final Indicator[] INDICATORS = Indicator.values();
    private static final BoardState[] BOARD_STATES = BoardState.values();
    private static final CellStatus[] CELL_STATUSES = CellStatus.values();
    private static final PackHealth[] HEALTHS = PackHealth.values();

    private final Supplier<List<Pack>> packs;

    PackCollector(Supplier<List<Pack>> packs) {
        this.packs = packs;
    }

    @Override
    public List<MetricFamilySamples> collect() {
        GaugeMetricFamily volts = new GaugeMetricFamily("cellgate_cell_voltage_volts",
                "Cell voltage; NaN when the cell has no valid reading.", List.of("pack", "cell"));
        GaugeMetricFamily bleed = new GaugeMetricFamily("cellgate_cell_bleed_current_amperes",
                "Bleed current of a cell through the board's resistor (passive boards); 0 when it does not bleed.",
                List.of("pack", "cell"));
        GaugeMetricFamily delta = new GaugeMetricFamily("cellgate_pair_delta_volts",
                "Upper cell minus lower cell of an adjacent pair; no sample unless both readings are valid.",
                List.of("pack", "pair"));
        GaugeMetricFamily amps = new GaugeMetricFamily("cellgate_pair_balance_current_amperes",
                "Balance current setpoint of a pair, signed: positive moves energy from the lower cell (k) to the "
                        + "upper (k+1), negative from upper to lower, 0 idle.", List.of("pack", "pair"));
        GaugeMetricFamily indicator = new GaugeMetricFamily("cellgate_cell_indicator",
                "Cell LED: 1 for its current state, 0 for the others.", List.of("pack", "cell", "state"));
        GaugeMetricFamily spread = new GaugeMetricFamily("cellgate_pack_spread_volts",
                "Highest minus lowest valid cell; 0 with fewer than two valid cells.", List.of("pack"));
        GaugeMetricFamily adjacent = new GaugeMetricFamily("cellgate_pack_max_adjacent_delta_volts",
                "Largest difference between two adjacent valid cells, whatever its sign; what an adjacent balancer "
                        + "acts on.", List.of("pack"));
        GaugeMetricFamily board = new GaugeMetricFamily("cellgate_board_state",
                "Balancer board state: 1 for the current state, 0 for the others.", List.of("pack", "state"));
        GaugeMetricFamily cellStatus = new GaugeMetricFamily("cellgate_cell_status",
                "Cell reading status after validation: 1 for the current status (OK, OPEN_WIRE, OUT_OF_RANGE, STALE), "
                        + "0 for the others.", List.of("pack", "cell", "status"));
        GaugeMetricFamily health = new GaugeMetricFamily("cellgate_pack_health",
                "Health of the pack's latest tick: 1 for the current health, 0 for the others; anything but OK and "
                        + "BOARD_FAULT means the runtime drove its fail-safe decision.", List.of("pack", "health"));
        GaugeMetricFamily fitWarnings = new GaugeMetricFamily("cellgate_pack_fit_warnings",
                "How many warnings the pack's balancer model gives about the pack (low strings, a cascade of "
                        + "boards); 0 when it fits.", List.of("pack"));
        GaugeMetricFamily current = new GaugeMetricFamily("cellgate_pack_current_amperes",
                "Current through the pack's terminals, positive while it is charged; no sample when its source "
                        + "measures none.", List.of("pack"));
        CounterMetricFamily ticks = new CounterMetricFamily("cellgate_ticks", "Ticks run since the pack started.",
                List.of("pack"));
        List<Pack> list = packs.get();
        list.sort(Comparator.comparing(p -> p.description().id()));
        for (Pack p : list) {
            String id = p.description().id();
            ticks.addMetric(List.of(id), p.stats().ticks());
            PackView v = p.latest();
            if (v == null) {
                continue; // not ticked yet
            }
            for (int c = 0; c < v.cells(); c++) {
                String cell = String.valueOf(c + 1);
                volts.addMetric(List.of(id, cell), v.isValid(c) ? v.volts(c) : Double.NaN);
                bleed.addMetric(List.of(id, cell), v.bleedAmps(c));
                for (CellStatus st : CELL_STATUSES) {
                    cellStatus.addMetric(List.of(id, cell, st.name()), v.status(c) == st ? 1 : 0);
                }
                for (Indicator i : INDICATORS) {
                    indicator.addMetric(List.of(id, cell, i.name()), v.indicator(c) == i ? 1 : 0);
                }
            }
            for (int k = 0; k < v.pairs(); k++) {
                String pair = String.valueOf(k + 1);
                if (v.hasDeltaVolts(k)) { // an absent series, not NaN: a NaN would poison sums and averages
                    delta.addMetric(List.of(id, pair), v.deltaVolts(k));
                }
                amps.addMetric(List.of(id, pair), v.signedAmps(k));
            }
            spread.addMetric(List.of(id), v.spreadVolts());
            adjacent.addMetric(List.of(id), v.maxAdjacentDeltaVolts());
            for (BoardState b : BOARD_STATES) {
                board.addMetric(List.of(id, b.name()), v.boardState() == b ? 1 : 0);
            }
            for (PackHealth h : HEALTHS) {
                health.addMetric(List.of(id, h.name()), v.health() == h ? 1 : 0);
            }
            fitWarnings.addMetric(List.of(id), v.fitWarnings().size());
            if (!Double.isNaN(v.packAmps())) { // an absent series, not NaN: no current sensor
                current.addMetric(List.of(id), v.packAmps());
            }
        }
        return List.of(volts, bleed, delta, amps, spread, adjacent, indicator, cellStatus, board, health, fitWarnings,
                current, ticks);
    }
}
