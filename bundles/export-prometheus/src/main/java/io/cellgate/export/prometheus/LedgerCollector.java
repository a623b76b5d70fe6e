package io.cellgate.export.prometheus;

import io.cellgate.api.insight.LedgerCounts;
import io.cellgate.api.insight.LedgerSnapshot;
import io.cellgate.api.insight.PackCharge;
import io.prometheus.client.Collector;
import io.prometheus.client.CounterMetricFamily;
import io.prometheus.client.GaugeMetricFamily;
import java.util.List;
import java.util.function.Supplier;

/**
 * The balancing ledgers of the insight bundle, in base units, since each ledger's start or reset (a reset shows as a
 * counter reset, which {@code rate()} and {@code increase()} take in their stride). No series while the insight
 * bundle does not run; no pack charge series for a pack whose current was never measured: an absent series, not a
 * zero that reads as "nothing flowed".
 */
final class LedgerCollector extends Collector {

    private final Supplier<List<LedgerSnapshot>> ledgers;

    LedgerCollector(Supplier<List<LedgerSnapshot>> ledgers) {
        this.ledgers = ledgers;
    }

    @Override
    public List<MetricFamilySamples> collect() {
        List<LedgerSnapshot> all = ledgers.get();
        if (all.isEmpty()) {
            return List.of();
        }
        CounterMetricFamily cellCharge = new CounterMetricFamily("cellgate_balance_charge_coulombs", "Charge the "
                + "balancer moved into a cell (direction in), out of it (out), or bled from it as heat (bled, passive "
                + "boards), counted from each tick's current setpoints.", List.of("pack", "cell", "direction"));
        CounterMetricFamily cellActive = new CounterMetricFamily("cellgate_balance_active_seconds", "Time one of "
                + "the cell's pairs moved charge or the cell bled.", List.of("pack", "cell"));
        CounterMetricFamily pairCharge = new CounterMetricFamily("cellgate_pair_balance_charge_coulombs", "Charge "
                + "a pair moved, whichever way.", List.of("pack", "pair"));
        CounterMetricFamily pairActive = new CounterMetricFamily("cellgate_pair_balance_active_seconds", "Time a "
                + "pair moved charge.", List.of("pack", "pair"));
        CounterMetricFamily packCharge = new CounterMetricFamily("cellgate_pack_charge_coulombs", "Charge through "
                + "the pack's terminals, from its measured current: in while charged, out while discharged.",
                List.of("pack", "direction"));
        GaugeMetricFamily since = new GaugeMetricFamily("cellgate_balance_ledger_start_time_seconds", "When the "
                + "pack's ledger began counting (its first tick, or its last reset), in seconds since the epoch.",
                List.of("pack"));
        for (LedgerSnapshot ledger : all) {
            String id = ledger.pack().id();
            LedgerCounts total = ledger.total();
            for (int c = 0; c < total.cells(); c++) {
                String cell = String.valueOf(c + 1);
                cellCharge.addMetric(List.of(id, cell, "in"), total.inCoulombs(c));
                cellCharge.addMetric(List.of(id, cell, "out"), total.outCoulombs(c));
                cellCharge.addMetric(List.of(id, cell, "bled"), total.bledCoulombs(c));
                cellActive.addMetric(List.of(id, cell), total.activeSeconds(c));
            }
            for (int k = 0; k < total.pairs(); k++) {
                String pair = String.valueOf(k + 1);
                pairCharge.addMetric(List.of(id, pair), total.pairCoulombs(k));
                pairActive.addMetric(List.of(id, pair), total.pairActiveSeconds(k));
            }
            PackCharge charge = ledger.packCharge();
            if (charge.measured() || charge.measuredSeconds() > 0) {
                packCharge.addMetric(List.of(id, "in"), charge.inCoulombs());
                packCharge.addMetric(List.of(id, "out"), charge.outCoulombs());
            }
            since.addMetric(List.of(id), ledger.sinceMillis() / 1000.0);
        }
        return List.of(cellCharge, cellActive, pairCharge, pairActive, packCharge, since);
    }
}
