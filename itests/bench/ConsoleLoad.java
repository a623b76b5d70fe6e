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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web console's cost to a gateway: alternating windows without and with N event streams open (plain HTTP
 * Server-Sent Events clients of java.net.http, each a pack page's stream /api/packs/pN/events, not browsers), with the
 * gateway's CPU time from /proc and the packs' tick lateness sampled from /api/packs twice a second in both windows
 * (the same reads in each, so their cost cancels out). Run by console.sh; a single-file program (java ConsoleLoad.java).
 *
 * Usage: java ConsoleLoad.java BASE_URL PID STREAMS WINDOW_SECONDS ROUNDS
 */
public class ConsoleLoad {

    private static final Pattern LATE = Pattern.compile("\"lastLatenessSeconds\":([0-9.eE+-]+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        long pid = Long.parseLong(args[1]);
        int streams = Integer.parseInt(args[2]);
        int window = Integer.parseInt(args[3]);
        int rounds = Integer.parseInt(args[4]);
        long hz = Long.parseLong(new String(new ProcessBuilder("getconf", "CLK_TCK").start().getInputStream()
                .readAllBytes()).trim());
        List<String> rows = new ArrayList<>();
        window(base, pid, hz, 0, 10, "warm-up"); // the JIT and the rings settle first
        for (int r = 1; r <= rounds; r++) {
            rows.add(window(base, pid, hz, 0, window, "round " + r));
            rows.add(window(base, pid, hz, streams, window, "round " + r));
        }
        System.out.println("| round | streams | CPU (cores) | ticks late, mean | p99 | max | samples | bytes/s per stream |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    /** One window: open the streams, sample, measure, close them. */
    static String window(String base, long pid, long hz, int streams, int seconds, String name) throws Exception {
        AtomicBoolean open = new AtomicBoolean(true);
        AtomicLong bytes = new AtomicLong();
        List<Thread> readers = new ArrayList<>();
        List<InputStream> bodies = new ArrayList<>();
        for (int i = 1; i <= streams; i++) {
            HttpResponse<InputStream> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/packs/p" + i
                    + "/events")).build(), HttpResponse.BodyHandlers.ofInputStream());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("stream " + i + ": " + r.statusCode());
            }
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
            readers.add(t);
        }
        Thread.sleep(2000); // the first event of each stream (the whole pack at once) is not the steady rate
        long bytes0 = bytes.get();
        long cpu0 = cpuTicks(pid);
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
        long cpu1 = cpuTicks(pid);
        long bytes1 = bytes.get();
        open.set(false);
        for (InputStream in : bodies) {
            in.close();
        }
        double[] l = late.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        String row = String.format(Locale.ROOT, "| %s | %d | %.3f | %.2f ms | %.2f ms | %.1f ms | %d | %s |", name,
                streams, (cpu1 - cpu0) / (double) hz / secs, Arrays.stream(l).average().orElse(0),
                l.length == 0 ? 0 : l[(int) Math.min(l.length - 1, Math.round(l.length * 0.99))],
                l.length == 0 ? 0 : l[l.length - 1], l.length,
                streams == 0 ? "–" : String.format(Locale.ROOT, "%.0f", (bytes1 - bytes0) / secs / streams));
        System.err.println(row);
        Thread.sleep(1000);
        return row;
    }

    /** utime + stime of the process, in clock ticks. */
    static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
