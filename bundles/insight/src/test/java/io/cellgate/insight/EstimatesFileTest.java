package io.cellgate.insight;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.insight.CellEstimate;
import io.cellgate.api.insight.FindingKind;
import io.cellgate.api.insight.PackInsight;
import io.cellgate.api.pack.Chemistry;
import io.cellgate.sim.model.SimPack;
import io.cellgate.sim.model.SimPackSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The estimates kept across a restart: written atomically, read back exactly, shown until measured again. */
class EstimatesFileTest {

    @TempDir
    Path directory;

    @Test
    void valuesOfEverySignAndUnknownOnesReadBackExactly() throws Exception {
        EstimatesFile.Saved saved = new EstimatesFile.Saved(SimPackSpec.builder(3, Chemistry.NCM, 2.5).build()
                .description("pack1"), 1_796_224_568_413L, new double[] {9000.123456789, Double.NaN, 8100},
                new double[] {0.99, 0, 0.5}, new double[] {6.9e-5, Double.NaN, -1.5e-6}, new int[] {5, 0, 3});
        Path file = EstimatesFile.of(directory, "pack1");
        EstimatesFile.write(saved, file);
        EstimatesFile.Saved read = EstimatesFile.read(file);
        assertEquals(saved.pack(), read.pack());
        assertEquals(saved.atMillis(), read.atMillis());
        assertArrayEquals(saved.capacityCoulombs(), read.capacityCoulombs());
        assertArrayEquals(saved.confidence(), read.confidence());
        assertArrayEquals(saved.leakAmps(), read.leakAmps());
        assertArrayEquals(saved.points(), read.points());
        assertEquals(List.of("pack1.estimates"), Files.list(directory).map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void aFileOfSomethingElseIsRefusedSayingWhereAndWhy() throws Exception {
        Path file = EstimatesFile.of(directory, "pack1");
        Files.writeString(file, "hello\n");
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> EstimatesFile.read(file));
        assertTrue(e.getMessage().contains("pack1.estimates") && e.getMessage().contains("cellgate-estimates 1"),
                e.getMessage());
    }

    @Test
    void aRestartedLedgerShowsTheSavedCapacitiesAndItsWeakCellUntilItsOwnRestsMeasureThem() throws Exception {
        SimPack sim = new SimPack(SimPackSpec.builder(8, Chemistry.NCM, 2.5).initialSocDrawn(0.85, 0.005).seed(3)
                .build());
        sim.fadeCapacity(5, 0.9);
        PackSettings settings = new PackSettings(0, 3600, 0.05, 0.3, 0.05, 3, 12 * 3600, true, 0.1, 600, 0.01,
                true, true, true, true);
        SimulatedCycles run = new SimulatedCycles(sim, settings, SimulatedCycles.dailyCycle(1.25, 1.4))
                .run(2 * 86_400 - 3600);
        PackInsight before = run.observe();
        Path file = EstimatesFile.of(directory, "sim");
        EstimatesFile.write(run.ledger.savedEstimates(1_796_224_568_413L), file);

        PackLedger restarted = new PackLedger(run.pack, ZoneOffset.UTC, 0, settings, line -> { }, line -> { });
        restarted.restoreEstimates(EstimatesFile.read(file));
        PackInsight after = restarted.observe(null, 1_796_224_600_000L);
        for (int c = 0; c < 8; c++) {
            CellEstimate was = before.cells().get(c);
            CellEstimate is = after.cells().get(c);
            assertEquals(was.capacityAh(), is.capacityAh(), 1e-12);
            assertEquals(was.capacityConfidence(), is.capacityConfidence(), 1e-12);
            assertTrue(Double.isNaN(is.soc()), "the charge is read again at the next rest");
        }
        assertEquals(FindingKind.WEAK_CELL_CAPACITY, after.weakCell().orElseThrow().kind());
        assertEquals(5, after.weakCell().orElseThrow().cell());
        assertTrue(after.notes().stream().anyMatch(n -> n.contains("saved at 2026-12-02")), after.notes().toString());
    }
}
