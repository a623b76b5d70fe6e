package io.cellgate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.After;
import org.junit.Test;

/**
 * The wall clock of a running gateway set forward by two hours and then back by four, as NTP does after a long power
 * cut or an operator with {@code date -s}: no pack reads STALLED, no burst of catch-up ticks, no tick missed, and the
 * times the gateway records follow the wall clock. The machine's own clock is shared with everything else on it, so
 * the jump is the gateway's alone: libfaketime (Debian's {@code libfaketime}) moves the wall clock the process sees
 * (CLOCK_REALTIME) and leaves the monotonic clock its ticks run on untouched, as a real jump does.
 */
public class ClockJumpIT {

    static final Path LIBFAKETIME = Path.of("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1");
    private static final long TICK_MS = 100;
    private static final long PHASE_MS = 4000;
    private static final long HOUR_MS = TimeUnit.HOURS.toMillis(1);
    /** Ticks more or fewer than the time measured outside allows: the edges of the measurement, not hours. */
    private static final long SLACK_TICKS = 5;

    private Process gateway;

    @After
    public void stop() throws InterruptedException {
        GatewayProcess.end(gateway);
    }

    @Test
    public void aWallClockSetForwardAndBackByHoursStallsNothingAndNeitherAddsNorLosesTicks() throws Exception {
        assertTrue("libfaketime is not installed: apt-get install -y libfaketime (.ci/run does it)",
                Files.isReadable(LIBFAKETIME));
        Path home = GatewayProcess.freshHome("clock-jump");
        int port = GatewayProcess.freePortFor(home);
        Files.delete(home.resolve("config/io.cellgate.export.mqtt-local.cfg")); // no broker here
        Files.writeString(home.resolve("config/io.cellgate.export.file-jump.cfg"),
                "directory=recordings\ninterval.ms=1000\n");
        Path offset = home.resolve("faketime");
        Files.writeString(offset, "+0\n");
        Path out = home.resolve("gateway.out");
        gateway = GatewayProcess.start(home, out, ProcessBuilder.Redirect.from(new File("/dev/null")), List.of(),
                Map.of("LD_PRELOAD", LIBFAKETIME.toString(), "FAKETIME_TIMESTAMP_FILE", offset.toString(),
                        "FAKETIME_DONT_FAKE_MONOTONIC", "1", "FAKETIME_CACHE_DURATION", "1",
                        // libfaketime's own fix of condition variables hangs the JVM at start
                        "FAKETIME_FORCE_MONOTONIC_FIX", "0"));
        String metrics = "http://127.0.0.1:" + port + "/metrics";
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (ticks(metrics) < 10) {
            assertTrue("pack1 to tick; the gateway printed:\n" + Files.readString(out),
                    System.nanoTime() < end && gateway.isAlive());
            Thread.sleep(100);
        }

        List<String> figures = new ArrayList<>();
        for (String jump : List.of("+0", "+2h", "-2h")) {
            Files.writeString(offset, jump + "\n");
            Thread.sleep(1500); // libfaketime reads the file at most once a second
            long t0 = System.nanoTime();
            double ticks0 = ticks(metrics);
            while (System.nanoTime() - t0 < TimeUnit.MILLISECONDS.toNanos(PHASE_MS)) {
                PromText m = PromText.parse(GatewayProcess.get(metrics));
                assertEquals("pack1 never STALLED at " + jump, 0.0, m.value("cellgate_pack_health", "pack", "pack1",
                        "health", "STALLED"), 0);
                Thread.sleep(250);
            }
            double ticks = ticks(metrics) - ticks0;
            double expected = (System.nanoTime() - t0) / 1e6 / TICK_MS;
            figures.add(String.format("%s: %.0f ticks in %.0f periods", jump, ticks, expected));
            assertTrue(figures.toString(), Math.abs(ticks - expected) <= SLACK_TICKS);
        }
        System.out.println("clock jump: " + figures);
        PromText m = PromText.parse(GatewayProcess.get(metrics));
        assertTrue(m.get("cellgate_faults_total", "pack", "pack1", "kind", "stalled") == null
                || m.value("cellgate_faults_total", "pack", "pack1", "kind", "stalled") == 0);

        gateway.destroy(); // the recorder flushes and closes its files
        assertTrue(gateway.waitFor(30, TimeUnit.SECONDS));
        assertFalse(Files.readString(out), Files.readString(out).contains("STALLED"));
        assertRecordedTimesFollowTheWallClockAndTicksGoOnByOne(home.resolve("recordings"));
    }

    /** Rows a second apart by the tick clock: their tick numbers rise, their times jump as the wall clock did. */
    private static void assertRecordedTimesFollowTheWallClockAndTicksGoOnByOne(Path recordings) throws IOException {
        List<long[]> rows = new ArrayList<>(); // {tick, wall millis}
        try (Stream<Path> files = Files.list(recordings)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                for (String line : Files.readAllLines(f)) {
                    if (!line.startsWith("#") && !line.startsWith("time,")) {
                        String[] fields = line.split(",", 3);
                        rows.add(new long[] {Long.parseLong(fields[1]), Instant.parse(fields[0]).toEpochMilli()});
                    }
                }
            }
        }
        rows.sort((a, b) -> Long.compare(a[0], b[0]));
        long forward = 0;
        long back = 0;
        for (int i = 1; i < rows.size(); i++) {
            long ticks = rows.get(i)[0] - rows.get(i - 1)[0];
            assertTrue("rows " + (i - 1) + " and " + i + " are " + ticks + " ticks apart", ticks >= 5 && ticks <= 15);
            long step = rows.get(i)[1] - rows.get(i - 1)[1];
            forward = Math.max(forward, step);
            back = Math.min(back, step);
        }
        assertTrue("the recorded time jumped forward by 2 h: " + forward, Math.abs(forward - 2 * HOUR_MS) < 5000);
        assertTrue("and back by 4 h: " + back, Math.abs(back + 4 * HOUR_MS) < 5000);
    }

    private static double ticks(String metrics) {
        String text = GatewayProcess.get(metrics);
        if (text.isEmpty()) {
            return 0;
        }
        PromText m = PromText.parse(text);
        return m.get("cellgate_ticks_total", "pack", "pack1") == null ? 0
                : m.value("cellgate_ticks_total", "pack", "pack1");
    }
}
