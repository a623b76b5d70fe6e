package io.cellgate.export.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.pack.PackReading;
import io.cellgate.api.recording.RecordingFormat;
import io.cellgate.api.recording.RecordingReader;
import io.cellgate.api.telemetry.PackView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackFileTest {

    private static final long DAY_MS = 86_400_000L;
    /** 2026-11-25T23:59:58Z */
    private static final long LATE = 1_795_651_198_000L;

    @TempDir
    Path dir;

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    private RecorderSettings settings(RecorderSettings.Rotation rotation, long bytes, int keep) {
        return new RecorderSettings(dir, 0, rotation, bytes, keep);
    }

    @Test
    void dailyFilesBeginAtMidnightUtcEachWithTheHeader() throws IOException {
        try (PackFile f = new PackFile(settings(RecorderSettings.Rotation.DAILY, Long.MAX_VALUE, 0), "pack1")) {
            for (int i = 0; i < 4; i++) { // 23:59:58, 23:59:59, 00:00:00, 00:00:01
                f.write(TestPacks.snapshot("pack1", 3, i + 1, LATE + i * 1000L));
            }
        }
        List<Path> files = files();
        assertEquals(List.of("pack1-20261125T235958Z.csv", "pack1-20261126T000000Z.csv"),
                files.stream().map(p -> p.getFileName().toString()).toList());
        for (Path p : files) {
            List<String> lines = Files.readAllLines(p);
            assertEquals(RecordingFormat.header(3), lines.get(0) + "\n" + lines.get(1));
            assertEquals(4, lines.size());
        }
        assertTrue(Files.readAllLines(files.get(1)).get(2).startsWith("2026-11-26T00:00:00.000Z,3,"));
    }

    @Test
    void afterAFailedWriteTheTornRowIsCutOffAndTheNextRowGoesOnInTheSameFile() throws IOException {
        try (PackFile f = new PackFile(settings(RecorderSettings.Rotation.DAILY, Long.MAX_VALUE, 0), "pack1")) {
            f.write(TestPacks.snapshot("pack1", 3, 1, LATE - 5000));
            f.write(TestPacks.snapshot("pack1", 3, 2, LATE - 4000));
            f.flush();
            f.write(TestPacks.snapshot("pack1", 3, 3, LATE - 3000));
            // what a full disk leaves: part of a row reached the file before the write failed
            Files.writeString(f.path(), "2026-11-25T23:59:55.000Z,3,3.7", java.nio.file.StandardOpenOption.APPEND);
            f.abandon();
            f.write(TestPacks.snapshot("pack1", 3, 4, LATE - 2000));
        }
        List<Path> files = files();
        assertEquals(1, files.size(), "no new file: " + files);
        List<String> lines = Files.readAllLines(files.get(0));
        assertEquals(5, lines.size(), String.join("\n", lines));
        assertEquals(List.of(",1,", ",2,", ",4,"), lines.subList(2, 5).stream()
                .map(l -> l.substring(l.indexOf(','), l.indexOf(',', l.indexOf(',') + 1) + 1)).toList());
    }

    @Test
    void whatAPackFileWritesTheRecordingReaderReadsBack() throws IOException {
        try (PackFile f = new PackFile(settings(RecorderSettings.Rotation.DAILY, Long.MAX_VALUE, 0), "pack1")) {
            f.write(TestPacks.snapshot("pack1", 3, 7, LATE - 5000));
            f.write(TestPacks.snapshot("pack1", 3, 8, LATE - 4000));
        }
        try (RecordingReader in = RecordingReader.open(files().get(0))) {
            PackReading reading = new PackReading(3);
            for (long tick = 7; tick <= 8; tick++) {
                assertTrue(in.next(reading));
                PackView written = TestPacks.snapshot("pack1", 3, tick, 0);
                for (int c = 0; c < 3; c++) {
                    assertEquals(Double.doubleToRawLongBits(written.volts(c)),
                            Double.doubleToRawLongBits(reading.volts(c)));
                    assertEquals(written.status(c), reading.status(c));
                }
                assertEquals(tick, in.tick());
                assertEquals(-0.5, in.signedAmps(0));
            }
            assertEquals(LATE - 4000, in.wallMillis());
            assertTrue(!in.next(reading));
        }
        // telemetry, no secret: others may read it, only the gateway writes it, nobody executes it
        java.util.Set<java.nio.file.attribute.PosixFilePermission> mode = Files.getPosixFilePermissions(files().get(0));
        assertTrue(java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--").containsAll(mode),
                java.nio.file.attribute.PosixFilePermissions.toString(mode));
    }

    @Test
    void sizeRotationStartsANewFileWhenOneIsFullAndKeepsTheNewest() throws IOException {
        int rowBytes = RecordingFormat.row(TestPacks.snapshot("p", 3, 1, LATE)).length() + 1;
        try (PackFile f = new PackFile(settings(RecorderSettings.Rotation.SIZE, 2L * rowBytes, 2), "p")) {
            for (int i = 0; i < 10; i++) {
                f.write(TestPacks.snapshot("p", 3, i + 1, LATE + i * 1000L));
            }
        }
        List<Path> files = files();
        assertEquals(2, files.size(), "keep.files=2: " + files);
        List<String> last = Files.readAllLines(files.get(1));
        assertEquals(RecordingFormat.header(3), last.get(0) + "\n" + last.get(1));
        assertTrue(last.get(last.size() - 1).contains(",10,"), "the last row is there");
        for (Path p : files) {
            assertTrue(Files.size(p) <= 3L * rowBytes + RecordingFormat.header(3).length() + 1);
        }
    }

    @Test
    void aPackThatChangesItsCellsGetsANewFile() throws IOException {
        try (PackFile f = new PackFile(settings(RecorderSettings.Rotation.DAILY, Long.MAX_VALUE, 0), "p")) {
            f.write(TestPacks.snapshot("p", 3, 1, LATE - DAY_MS / 2));
            f.write(TestPacks.snapshot("p", 4, 2, LATE - DAY_MS / 2));
        }
        List<Path> files = files();
        assertEquals(2, files.size(), "same second: " + files);
        assertEquals(RecordingFormat.columns(4), Files.readAllLines(files.get(1)).get(1));
    }
}
