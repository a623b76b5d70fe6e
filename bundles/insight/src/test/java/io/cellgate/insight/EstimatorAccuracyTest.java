package io.cellgate.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.insight.CellEstimate;
import io.cellgate.api.insight.Finding;
import io.cellgate.api.insight.FindingKind;
import io.cellgate.api.insight.PackInsight;
import io.cellgate.api.pack.Chemistry;
import io.cellgate.sim.model.SimPack;
import io.cellgate.sim.model.SimPackSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The insight's estimates against the simulator's truth: seeded 20S packs of 2.5 Ah cells with the measured spread
 * of new cells (capacity σ 0.25 %), 2 %/month self-discharge and a daily cycle (0.5 C down by 70 % of charge, rest,
 * back up, rest), one cell made weak in each: 10 % less capacity, or five times the self-discharge. The figures each
 * run prints are those of docs/insight.md.
 */
class EstimatorAccuracyTest {

    private static final int PACKS = 100;
    private static final int CELLS = 20;
    private static final double CAPACITY_AH = 2.5;
    private static final double AMPS = 1.25;
    private static final double HOURS = 1.4;
    private static final double DAY = 86_400;
    /** Rest for an hour: τ of the simulated cells is 30 s. */
    private static final PackSettings SETTINGS = new PackSettings(0, 3600, 0.05, 0.3, 0.05, 3, 12 * 3600, true, 0.1,
            600, 0.01, true, true, true, true);

    private static SimPackSpec.Builder ncm(long seed) {
        return SimPackSpec.builder(CELLS, Chemistry.NCM, CAPACITY_AH).initialSocDrawn(0.85, 0.005).seed(seed);
    }

    private static int weakCell(long seed) {
        return new SplittableRandom(seed * 31 + 7).nextInt(CELLS);
    }

    @Test
    void capacityAndStateOfChargeWithinThreePercentAfterTwoCycles() {
        double worstCapacity = 0;
        double worstSoc = 0;
        int named = 0;
        for (long seed = 1; seed <= PACKS; seed++) {
            SimPack sim = new SimPack(ncm(seed).build());
            int weak = weakCell(seed);
            sim.fadeCapacity(weak, 0.9);
            // two full cycles, and the rest after the second: the last rest point is read at 23:00 of day 2
            SimulatedCycles run = new SimulatedCycles(sim, SETTINGS, SimulatedCycles.dailyCycle(AMPS, HOURS))
                    .run(2 * DAY - 3600);
            PackInsight insight = run.observe();
            for (CellEstimate e : insight.cells()) {
                double truth = sim.capacityAh(e.cell());
                worstCapacity = Math.max(worstCapacity, Math.abs(e.capacityAh() / truth - 1));
                worstSoc = Math.max(worstSoc, Math.abs(e.soc() - sim.soc(e.cell())));
            }
            if (insight.weakCell().filter(f -> f.kind() == FindingKind.WEAK_CELL_CAPACITY && f.cell() == weak)
                    .isPresent()) {
                named++;
            }
        }
        System.out.printf(Locale.ROOT, "NCM, %d packs, 2 cycles: capacity within %.4f %%, SOC at rest within %.4f %%, "
                + "weak cell (10 %% less capacity) named in %d%n", PACKS, 100 * worstCapacity, 100 * worstSoc, named);
        assertTrue(worstCapacity < 0.03, "capacity off by " + worstCapacity);
        assertTrue(worstSoc < 0.03, "SOC off by " + worstSoc);
        assertTrue(named >= 95, "the weak cell named in " + named + " of " + PACKS);
    }

    @Test
    void aCellLosingChargeFiveTimesAsFastIsNamed() {
        int named = 0;
        double worstRatio = Double.POSITIVE_INFINITY;
        for (long seed = 1; seed <= PACKS; seed++) {
            int weak = weakCell(seed);
            SimPack sim = new SimPack(ncm(seed).selfDischarge(weak, 10).build());
            PackInsight insight = new SimulatedCycles(sim, SETTINGS, SimulatedCycles.dailyCycle(AMPS, HOURS))
                    .run(3 * DAY - 3600).observe();
            CellEstimate estimate = insight.cells().get(weak);
            double truthAmps = 0.10 * sim.capacityAh(weak) * 3600 / CellEstimate.SECONDS_PER_MONTH;
            worstRatio = Math.min(worstRatio, estimate.selfDischargeAmps() / truthAmps);
            if (insight.weakCell().filter(f -> f.kind() == FindingKind.WEAK_CELL_SELF_DISCHARGE && f.cell() == weak)
                    .isPresent()) {
                named++;
            }
        }
        System.out.printf(Locale.ROOT, "NCM, %d packs, 3 cycles: the cell of 5x self-discharge named in %d; its "
                + "estimate at least %.3f of the truth%n", PACKS, named, worstRatio);
        assertTrue(named >= 95, "the weak cell named in " + named + " of " + PACKS);
    }

    @Test
    void healthyPacksRaiseNoWeakCellAndNoIneffectiveBalancing() {
        List<String> false_ = new ArrayList<>();
        for (long seed = 1; seed <= PACKS; seed++) {
            SimPack sim = new SimPack(ncm(1000 + seed).build());
            PackInsight insight = new SimulatedCycles(sim, SETTINGS, SimulatedCycles.dailyCycle(AMPS, HOURS))
                    .run(3 * DAY - 3600).observe();
            for (Finding f : insight.findings()) {
                if (f.kind().weakCell() || f.kind().ineffectiveBalancing()) {
                    false_.add("seed " + (1000 + seed) + ": " + f.message());
                }
            }
        }
        System.out.printf(Locale.ROOT, "NCM, %d healthy packs: %d weak-cell or ineffective-balancing findings%n",
                PACKS, false_.size());
        assertEquals(List.of(), false_);
    }

    @Test
    void lfpMeasuresACapacityOnlyFromRestsNearItsKnees() {
        // 97 % to 27 %: the top rest is on the knee above 95 %, the bottom one below 40 %: both readable
        SimPack knees = new SimPack(SimPackSpec.builder(16, Chemistry.LFP, CAPACITY_AH).initialSocDrawn(0.97, 0.002)
                .seed(5).build());
        PackInsight atKnees = new SimulatedCycles(knees, SETTINGS, SimulatedCycles.dailyCycle(AMPS, HOURS))
                .run(2 * DAY - 3600).observe();
        double worst = 0;
        for (CellEstimate e : atKnees.cells()) {
            worst = Math.max(worst, Math.abs(e.capacityAh() / knees.capacityAh(e.cell()) - 1));
        }
        // 63 % to 48 % for a day: every rest sits in the flat middle (40 % to 65 %): no rest reading, no capacity, no
        // state of charge, and the insight says why
        SimPack flat = new SimPack(SimPackSpec.builder(16, Chemistry.LFP, CAPACITY_AH).initialSocDrawn(0.63, 0.002)
                .seed(5).build());
        PackInsight inFlat = new SimulatedCycles(flat, SETTINGS, SimulatedCycles.dailyCycle(AMPS, 0.3))
                .run(DAY - 3600).observe();
        long measured = inFlat.cells().stream().filter(e -> e.capacityAh() == e.capacityAh()).count();
        long socKnown = inFlat.cells().stream().filter(e -> e.soc() == e.soc()).count();
        System.out.printf(Locale.ROOT, "LFP, rests at 97 %% and 27 %%: capacity within %.4f %%; rests at 63 %% and "
                + "48 %%: %d of 16 capacities and %d states of charge known%n", 100 * worst, measured, socKnown);
        assertTrue(worst < 0.03, "LFP capacity at the knees off by " + worst);
        assertEquals(0, measured);
        assertEquals(0, socKnown);
        assertFalse(inFlat.notes().isEmpty());
        assertTrue(inFlat.notes().get(0).contains("flat"), inFlat.notes().toString());
    }
}
