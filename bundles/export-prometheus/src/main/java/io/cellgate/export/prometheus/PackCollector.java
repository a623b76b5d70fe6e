package io.cellgate.export.prometheus;

import io.cellgate.api.balancer.BoardState;
import io.cellgate.api.balancer.Decision;
import io.cellgate.api.balancer.Indicator;
import io.cellgate.api.pack.PackReading;
import io.cellgate.api.runtime.Pack;
import io.cellgate.api.telemetry.PackSnapshot;
import io.prometheus.client.Collector;
import io.prometheus.client.CounterMetricFamily;
import io.prometheus.client.GaugeMetricFamily;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * The pack metrics, read from the {@link Pack} services at scrape time so that the tick does no metric work. Every
 * family of one scrape comes from one snapshot per pack. Cells and pairs are numbered from 1, as in the shell.
 */
final class PackCollector extends Collector {

    private static final Indicator[] INDICATORS = Indicator.values();
    private static final BoardState[] BOARD_STATES = BoardState.values();

    private final Supplier<List<Pack>> packs;

    PackCollector(Supplier<List<Pack>> packs) {
        this.packs = packs;
    }

    @Override
    public List<MetricFamilySamples> collect() {
        GaugeMetricFamily volts = new GaugeMetricFamily("cellgate_cell_voltage_volts",
                "Cell voltage; NaN when the cell has no valid reading.", List.of("pack", "cell"));
        GaugeMetricFamily delta = new GaugeMetricFamily("cellgate_pair_delta_volts",
                "Upper cell minus lower cell of an adjacent pair; NaN unless both readings are valid.",
                List.of("pack", "pair"));
        GaugeMetricFamily amps = new GaugeMetricFamily("cellgate_pair_balance_current_amperes",
                "Balance current setpoint of a pair, signed: positive moves energy from the lower cell (k) to the "
                        + "upper (k+1), negative from upper to lower, 0 idle.", List.of("pack", "pair"));
        GaugeMetricFamily indicator = new GaugeMetricFamily("cellgate_cell_indicator",
                "Cell LED: 1 for its current state, 0 for the others.", List.of("pack", "cell", "state"));
        GaugeMetricFamily board = new GaugeMetricFamily("cellgate_board_state",
                "Balancer board state: 1 for the current state, 0 for the others.", List.of("pack", "state"));
        CounterMetricFamily ticks = new CounterMetricFamily("cellgate_ticks", "Ticks run since the pack started.",
                List.of("pack"));
        List<Pack> list = packs.get();
        list.sort(Comparator.comparing(p -> p.description().id()));
        for (Pack p : list) {
            String id = p.description().id();
            ticks.addMetric(List.of(id), p.stats().ticks());
            PackSnapshot s = p.latest();
            if (s == null) {
                continue; // not ticked yet
            }
            PackReading r = s.reading();
            Decision d = s.decision();
            for (int c = 0; c < r.cells(); c++) {
                String cell = String.valueOf(c + 1);
                volts.addMetric(List.of(id, cell), r.isValid(c) ? r.volts(c) : Double.NaN);
                for (Indicator i : INDICATORS) {
                    indicator.addMetric(List.of(id, cell, i.name()), d.indicator(c) == i ? 1 : 0);
                }
            }
            for (int k = 0; k < d.pairs(); k++) {
                String pair = String.valueOf(k + 1);
                delta.addMetric(List.of(id, pair), r.isValid(k) && r.isValid(k + 1)
                        ? r.volts(k + 1) - r.volts(k) : Double.NaN);
                amps.addMetric(List.of(id, pair), d.signedAmps(k));
            }
            for (BoardState b : BOARD_STATES) {
                board.addMetric(List.of(id, b.name()), d.boardState() == b ? 1 : 0);
            }
        }
        return List.of(volts, delta, amps, indicator, board, ticks);
    }
}
