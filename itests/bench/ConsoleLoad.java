import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The web console's cost to a gateway: windows without and with N event streams open (plain HTTP Server-Sent Events
 * clients of java.net.http, each a pack page's stream /api/packs/pN/events, not browsers), with the gateway's CPU
 * time from /proc and the packs' tick lateness sampled from /api/packs twice a second in both windows (the same reads
 * in each, so their cost cancels out). Run by console.sh; a single-file program (java ConsoleLoad.java).
 *
 * <p>Each round is a pair of windows, without and with the streams, in alternating order (off-on, on-off, off-on, …)
 * so that a drift of the machine's load falls on both kinds alike. Its ratio (CPU with / CPU without) is the round's
 * figure, and the median of the rounds' ratios the run's: one round disturbed by another program on the machine
 * moves a mean, hardly a median. The CPU is also split by thread (/proc/PID/task/TID/stat, each thread's own time in
 * the window): the ticks ({@code cellgate-tick-*}), the HTTP server's threads (Jetty's {@code qtp*} pool, where the
 * streams and the lateness reads run) and the rest (with the threads that ended in the window), so the streams' own
 * cost shows apart from the machine's noise in the rest.
 *
 * <p>Usage: java ConsoleLoad.java BASE_URL PID STREAMS WINDOW_SECONDS ROUNDS
 */
public class ConsoleLoad {

    private static final Pattern LATE = Pattern.compile("\"lastLatenessSeconds\":([0-9.eE+-]+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** The thread groups reported: a thread's name (Linux keeps its first 15 characters) decides its group. */
    private static final List<String> GROUPS = List.of("tick", "http", "other");

    record Window(int streams, double seconds, double cpuCores, Map<String, Double> groupCores, double[] lateMillis,
            double bytesPerStreamSecond) {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        long pid = Long.parseLong(args[1]);
        int streams = Integer.parseInt(args[2]);
        int window = Integer.parseInt(args[3]);
        int rounds = Integer.parseInt(args[4]);
        long hz = Long.parseLong(new String(new ProcessBuilder("getconf", "CLK_TCK").start().getInputStream()
                .readAllBytes()).trim());
        // the JIT compiles both paths and the rings settle before anything counts
        window(base, pid, hz, streams, 20, "warm-up");
        window(base, pid, hz, 0, 10, "warm-up");
        List<String> rows = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<Double> httpShares = new ArrayList<>();
        List<Double> lateRatios = new ArrayList<>();
        List<Window> offs = new ArrayList<>();
        List<Window> ons = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            Window off;
            Window on;
            if (r % 2 == 1) {
                off = window(base, pid, hz, 0, window, "round " + r);
                on = window(base, pid, hz, streams, window, "round " + r);
            } else {
                on = window(base, pid, hz, streams, window, "round " + r);
                off = window(base, pid, hz, 0, window, "round " + r);
            }
            offs.add(off);
            ons.add(on);
            rows.add(row(String.valueOf(r), off));
            rows.add(row(String.valueOf(r), on));
            ratios.add(on.cpuCores / off.cpuCores);
            httpShares.add((on.groupCores.get("http") - off.groupCores.get("http")) / off.cpuCores);
            lateRatios.add(mean(on.lateMillis) / mean(off.lateMillis));
        }
        System.out.println("| round | streams | CPU (cores) | ticks | HTTP threads | other | tick lateness, mean | p99 "
                + "| max | samples | bytes/s per stream |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        System.out.println(row("mean", mean(offs)));
        System.out.println(row("mean", mean(ons)));
        System.out.println();
        System.out.printf(Locale.ROOT, "CPU with/without, by round: %s; median %.3f (%+.1f %%)%n", list(ratios),
                median(ratios), (median(ratios) - 1) * 100);
        System.out.printf(Locale.ROOT, "HTTP threads' extra CPU as a share of the gateway's without, by round: %s; "
                + "median %+.1f %%%n", list(httpShares), median(httpShares) * 100);
        System.out.printf(Locale.ROOT, "tick lateness with/without (mean), by round: %s; median %.3f (%+.1f %%)%n",
                list(lateRatios), median(lateRatios), (median(lateRatios) - 1) * 100);
    }

    /** One window: open the streams, sample, measure, close them. */
    static Window window(String base, long pid, long hz, int streams, int seconds, String name) throws Exception {
        AtomicBoolean open = new AtomicBoolean(true);
        AtomicLong bytes = new AtomicLong();
        List<InputStream> bodies = new ArrayList<>();
        for (int i = 1; i <= streams; i++) {
            HttpResponse<InputStream> r = openStream(base + "/api/packs/p" + i + "/events");
            bodies.add(r.body());
            Thread t = new Thread(() -> {
                byte[] buf = new byte[16384];
                try (InputStream in = r.body()) {
                    for (int n; open.get() && (n = in.read(buf)) > 0; ) {
                        bytes.addAndGet(n);
                    }
                } catch (IOException closed) {
                    // closed at the end of the window
                }
            });
            t.setDaemon(true);
            t.start();
        }
        Thread.sleep(2000); // the first event of each stream (the whole pack at once) is not the steady rate
        long bytes0 = bytes.get();
        Map<String, long[]> cpu0 = cpuTicksByThread(pid);
        long t0 = System.nanoTime();
        List<Double> late = new ArrayList<>();
        long end = t0 + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            String json = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/packs")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = LATE.matcher(json);
            while (m.find()) {
                late.add(Double.parseDouble(m.group(1)) * 1000);
            }
            Thread.sleep(500);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        Map<String, long[]> cpu1 = cpuTicksByThread(pid);
        long bytes1 = bytes.get();
        open.set(false);
        for (InputStream in : bodies) {
            in.close();
        }
        Map<String, Double> groups = new HashMap<>();
        GROUPS.forEach(g -> groups.put(g, 0.0));
        // per thread, its time in the window (all of it for a thread that began in it); the process's total less
        // these is the time of the threads that ended in the window (Jetty lets an idle pool thread go after a
        // minute), counted as "other"
        long known = 0;
        for (Map.Entry<String, long[]> t : cpu1.entrySet()) {
            if (t.getKey().equals(TOTAL)) {
                continue;
            }
            long[] before = cpu0.get(t.getKey());
            boolean same = before != null && before[0] == t.getValue()[0] && before[1] <= t.getValue()[1];
            long ticks = t.getValue()[1] - (same ? before[1] : 0); // else a new thread, perhaps with an old id
            known += ticks;
            groups.merge(GROUPS.get((int) t.getValue()[0]), ticks / (double) hz / secs, Double::sum);
        }
        long total = cpu1.get(TOTAL)[1] - cpu0.get(TOTAL)[1];
        groups.merge("other", (total - known) / (double) hz / secs, Double::sum);
        double totalCores = total / (double) hz / secs;
        Window w = new Window(streams, secs, totalCores, groups,
                late.stream().mapToDouble(Double::doubleValue).sorted().toArray(),
                streams == 0 ? 0 : (bytes1 - bytes0) / secs / streams);
        System.err.println(row(name, w));
        Thread.sleep(1000);
        return w;
    }

    /**
     * A stream, once the gateway has one free: the streams of the previous window end on the gateway only at their
     * next write after the client closed them (within a second), so a window right after one with streams may be
     * refused (503) for a moment.
     */
    static HttpResponse<InputStream> openStream(String url) throws Exception {
        long end = System.nanoTime() + 15_000_000_000L;
        while (true) {
            HttpResponse<InputStream> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (r.statusCode() == 200) {
                return r;
            }
            r.body().close();
            if (r.statusCode() != 503 || System.nanoTime() > end) {
                throw new IllegalStateException(url + ": " + r.statusCode());
            }
            Thread.sleep(200);
        }
    }

    static String row(String name, Window w) {
        double[] l = w.lateMillis;
        return String.format(Locale.ROOT, "| %s | %d | %.4f | %.4f | %.4f | %.4f | %.2f ms | %.2f ms | %.1f ms | %d "
                + "| %s |", name, w.streams, w.cpuCores, w.groupCores.get("tick"), w.groupCores.get("http"),
                w.groupCores.get("other"), mean(l), l.length == 0 ? 0 : l[(int) Math.min(l.length - 1,
                Math.round(l.length * 0.99))], l.length == 0 ? 0 : l[l.length - 1], l.length,
                w.streams == 0 ? "–" : String.format(Locale.ROOT, "%.0f", w.bytesPerStreamSecond));
    }

    /** The windows' figures averaged (their lateness samples pooled). */
    static Window mean(List<Window> ws) {
        Map<String, Double> groups = new HashMap<>();
        for (String g : GROUPS) {
            groups.put(g, ws.stream().mapToDouble(w -> w.groupCores.get(g)).average().orElse(0));
        }
        return new Window(ws.get(0).streams, ws.stream().mapToDouble(Window::seconds).sum(),
                ws.stream().mapToDouble(Window::cpuCores).average().orElse(0), groups,
                ws.stream().flatMapToDouble(w -> Arrays.stream(w.lateMillis)).sorted().toArray(),
                ws.stream().mapToDouble(Window::bytesPerStreamSecond).average().orElse(0));
    }

    static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(0);
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static String list(List<Double> values) {
        return String.join(", ", values.stream().map(v -> String.format(Locale.ROOT, "%.3f", v)).toList());
    }

    private static final String TOTAL = "total";

    /**
     * utime + stime of each of the process's threads, in clock ticks, by thread id: {group index, ticks}; under
     * {@link #TOTAL} the process's own total, which keeps the time of the threads that ended.
     */
    static Map<String, long[]> cpuTicksByThread(long pid) throws IOException {
        Map<String, long[]> threads = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException ended) {
                    continue; // the thread ended between the listing and the read
                }
                String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                threads.put(task.getFileName().toString(), new long[] {GROUPS.indexOf(group(comm)), ticks(stat)});
            }
        }
        threads.put(TOTAL, new long[] {-1, ticks(Files.readString(Path.of("/proc/" + pid + "/stat")))});
        return threads;
    }

    /** utime + stime of a /proc stat line. */
    static long ticks(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** A thread's group by its name (Linux keeps its first 15 characters). */
    static String group(String comm) {
        if (comm.startsWith("cellgate-tick")) {
            return "tick";
        }
        if (comm.startsWith("qtp")) {
            return "http";
        }
        return "other";
    }
}
