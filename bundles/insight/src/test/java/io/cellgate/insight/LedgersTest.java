package io.cellgate.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.balancer.PairDirection;
import io.cellgate.api.insight.LedgerSnapshot;
import io.cellgate.api.telemetry.PackStateBuffer;
import io.cellgate.api.testing.DummyPackState;
import io.cellgate.api.testing.LogLines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgersTest {

    @TempDir
    Path dir;

    private final LogLines log = new LogLines();
    private long wallMillis = 1_767_225_600_000L;

    private Ledgers ledgers(Path directory) {
        return new Ledgers(directory, ZoneOffset.UTC, () -> wallMillis, log::info, log::warn);
    }

    /** Two ticks a second apart with pair 1 moving 1 A from cell 1 to cell 2. */
    private static void balanceOneSecond(Ledgers ledgers, PackStateBuffer state) {
        state.decision().setPair(0, PairDirection.LOWER_TO_UPPER, 1.0);
        ledgers.record(state);
        state.reading().setTimeNanos(state.reading().timeNanos() + 1_000_000_000L);
        ledgers.record(state);
    }

    /** Ledgers in {@link #dir} with the 4-cell pack1 open and balanced for a second. */
    private Ledgers balancedPack1(PackStateBuffer state) {
        Ledgers ledgers = ledgers(dir);
        ledgers.open(state.pack());
        balanceOneSecond(ledgers, state);
        return ledgers;
    }

    @Test
    void aPacksLedgerGoesOnFromItsFileAfterARestart() {
        PackStateBuffer state = DummyPackState.of("pack1", 4);
        Ledgers first = balancedPack1(state);
        first.close(state.pack()); // the pack stops: its ledger is saved

        Ledgers second = ledgers(dir);
        second.open(state.pack());
        balanceOneSecond(second, state);
        assertEquals(2.0, second.snapshot("pack1").orElseThrow().total().pairCoulombs(0), 1e-9);
        assertTrue(log.toString().contains("pack1: balancing ledger continued from " + dir.resolve("pack1.ledger")),
                log.toString());
    }

    @Test
    void aTickOfAPackNotOpenOrOfAnotherShapeCountsNothing() {
        Ledgers ledgers = ledgers(dir);
        PackStateBuffer state = DummyPackState.of("pack1", 4);
        balanceOneSecond(ledgers, state);
        assertTrue(ledgers.snapshots().isEmpty());

        ledgers.open(DummyPackState.of("pack1", 5).pack()); // the pack now configured with 5 cells
        balanceOneSecond(ledgers, state); // a tick of the 4-cell pack still in flight
        assertEquals(0, ledgers.snapshot("pack1").orElseThrow().total().pairCoulombs(0));
    }

    @Test
    void aPackRuntimeThatReplacesAnotherBeforeItGoesKeepsTheLedgerCounting() {
        PackStateBuffer state = DummyPackState.of("pack1", 4);
        Ledgers ledgers = balancedPack1(state);
        ledgers.open(state.pack()); // the new runtime's Pack service came before the old one went
        ledgers.close(state.pack()); // the old one goes
        balanceOneSecond(ledgers, state);
        assertEquals(2.0, ledgers.snapshot("pack1").orElseThrow().total().pairCoulombs(0), 1e-9);

        ledgers.close(state.pack()); // the last runtime goes: saved and no longer kept
        assertTrue(ledgers.snapshots().isEmpty());
        Ledgers next = ledgers(dir);
        next.open(state.pack());
        assertEquals(2.0, next.snapshot("pack1").orElseThrow().total().pairCoulombs(0), 1e-9);
    }

    @Test
    void aPackOfAnotherShapeThatReplacesOneStillRunningSavesItFirstAndKeepsItsFileAside() {
        PackStateBuffer four = DummyPackState.of("pack1", 4);
        Ledgers ledgers = balancedPack1(four);
        PackStateBuffer six = DummyPackState.of("pack1", 6);
        ledgers.open(six.pack());
        ledgers.close(four.pack()); // the 4-cell runtime goes after: nothing of the 6-cell ledger changes
        balanceOneSecond(ledgers, six);
        assertEquals(1.0, ledgers.snapshot("pack1").orElseThrow().total().pairCoulombs(0), 1e-9);
        assertEquals(6, ledgers.snapshot("pack1").orElseThrow().pack().cells());
        assertTrue(Files.exists(dir.resolve("pack1.ledger.4-cells")), "the 4-cell ledger was saved, then kept aside");
    }

    @Test
    void aFileOfAnotherCellCountIsKeptAsideAndTheLedgerStartsFromZero() {
        PackStateBuffer four = DummyPackState.of("pack1", 4);
        Ledgers ledgers = balancedPack1(four);
        ledgers.close(four.pack());

        ledgers.open(DummyPackState.of("pack1", 6).pack());
        assertEquals(0, ledgers.snapshot("pack1").orElseThrow().total().workCoulombs(0));
        assertTrue(Files.exists(dir.resolve("pack1.ledger.4-cells")));
        assertEquals(List.of("WARN pack1: the balancing ledger in " + dir.resolve("pack1.ledger") + " counts 4 cells "
                + "and the pack now has 6: it is kept as " + dir.resolve("pack1.ledger.4-cells")
                + " and the ledger starts from zero"), log.startingWith("WARN"));
    }

    @Test
    void anUnreadableFileIsKeptAsideAndTheLedgerStartsFromZero() throws IOException {
        Files.writeString(dir.resolve("pack1.ledger"), "half a line");
        Ledgers ledgers = ledgers(dir);
        ledgers.open(DummyPackState.of("pack1", 4).pack());
        assertTrue(ledgers.snapshot("pack1").isPresent());
        assertEquals("half a line", Files.readString(dir.resolve("pack1.ledger.unreadable")));
        assertEquals(1, log.count("WARN pack1: the balancing ledger cannot be read (" + dir.resolve("pack1.ledger")
                + ":1: it is no Cellgate ledger"), log.toString());
    }

    @Test
    void aSaveThatFailsIsToldOnceAndItsEndToo() throws IOException {
        Path blocked = dir.resolve("blocked");
        Files.writeString(blocked, "a file where the folder should be");
        Ledgers ledgers = ledgers(blocked);
        ledgers.open(DummyPackState.of("pack1", 4).pack());
        ledgers.saveAll();
        ledgers.saveAll();
        assertEquals(1, log.count("WARN pack1: the balancing ledger cannot be saved to " + blocked.resolve(
                "pack1.ledger")), log.toString());

        Files.delete(blocked);
        ledgers.saveAll();
        assertEquals(1, log.count("INFO pack1: the balancing ledger is saved again"), log.toString());
        assertTrue(Files.exists(blocked.resolve("pack1.ledger")));
    }

    @Test
    void aResetStartsThePacksLedgerFromZeroNow() {
        Ledgers ledgers = balancedPack1(DummyPackState.of("pack1", 4));
        wallMillis += 5000;
        assertTrue(ledgers.reset("pack1"));
        LedgerSnapshot s = ledgers.snapshot("pack1").orElseThrow();
        assertEquals(0, s.total().pairCoulombs(0));
        assertEquals(wallMillis, s.sinceMillis());
        assertFalse(ledgers.reset("pack2"), "no such pack");
    }
}
