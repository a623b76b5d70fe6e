package io.cellgate.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.insight.LedgerSnapshot;
import io.cellgate.api.insight.PackCharge;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerFileTest {

    @TempDir
    Path dir;

    @Test
    void aLedgerReadBackIsTheLedgerWrittenToTheLastBit() throws IOException {
        LedgerSnapshot ledger = TestLedgers.balanced("pack1", 5);
        Path file = LedgerFile.of(dir.resolve("data/insight"), "pack1");
        LedgerFile.write(ledger, file);

        LedgerSnapshot back = LedgerFile.read(file);
        assertEquals(ledger.total(), back.total());
        assertEquals(ledger.days(), back.days());
        assertEquals(ledger.pack(), back.pack());
        assertEquals(ledger.sinceMillis(), back.sinceMillis());
        PackCharge charge = ledger.packCharge();
        assertEquals(new PackCharge(charge.inCoulombs(), charge.outCoulombs(), charge.measuredSeconds(), Double.NaN),
                back.packCharge(), "the last current is the next tick's to measure");
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "no temporary file left");
        }
    }

    @Test
    void aNewerLedgerReplacesTheFileWhole() throws IOException {
        Path file = LedgerFile.of(dir, "p");
        LedgerFile.write(TestLedgers.balanced("p", 3), file);
        LedgerSnapshot empty = new LedgerSnapshot(TestLedgers.balanced("p", 3).pack(), 0,
                io.cellgate.api.insight.LedgerCounts.zero(3), List.of(), PackCharge.NONE);
        LedgerFile.write(empty, file);
        assertEquals(empty.total(), LedgerFile.read(file).total());
        assertEquals(LedgerFile.format(empty), Files.readString(file));
    }

    @Test
    void aFileThatIsNoLedgerIsRefusedNamingTheLineAndWhy() {
        List<String> good = LedgerFile.format(TestLedgers.balanced("p", 3)).lines().toList();
        assertEquals("f:1: it is no Cellgate ledger: the first line must be 'cellgate-ledger 1'",
                refusal(List.of("pack1,3.7,3.8")));
        assertEquals("f ends too early, after line 9", refusal(good.subList(0, 9)));
        assertEquals("f:6: expected cell 1, one line for each in order", refusal(replace(good, 5, "cell 2 0 0 0 0")));
        assertEquals("f:7: 'x' is no number", refusal(replace(good, 6, "cell 2 0 x 0 0")));
        assertEquals("f:7: '-1.0' must be a finite number, 0 or more", refusal(replace(good, 6, "cell 2 0 -1.0 0 0")));
        assertEquals("f:2: cells=1 is out of range: a pack has 2 to 48 cells",
                refusal(replace(good, 1, "pack p 1 NCM")));
    }

    private static List<String> replace(List<String> lines, int index, String line) {
        List<String> changed = new ArrayList<>(lines);
        changed.set(index, line);
        return changed;
    }

    private static String refusal(List<String> lines) {
        return assertThrows(IOException.class, () -> LedgerFile.parse(lines, "f")).getMessage();
    }

    @Test
    void theFormatIsTheOneTheDocumentationShows() {
        String text = LedgerFile.format(TestLedgers.balanced("pack1", 3));
        assertTrue(text.startsWith("cellgate-ledger 1\npack pack1 3 NCM\nsince 1767225600000\npack-charge 150.0 0.0 "
                + "100.0\ntotal\ncell 1 0.0 0.0 10.0 100.0\ncell 2 50.0 0.0 0.0 100.0\ncell 3 0.0 50.0 0.0 100.0\n"
                + "pair 1 0.0 0.0\npair 2 50.0 100.0\nday 2026-01-01\ncell 1 "), text);
    }
}
