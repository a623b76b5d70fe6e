package io.cellgate.itests;

import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * {@code java -jar features/gateway/target/gateway.jar} on a real terminal, as an operator starts it: util-linux
 * {@code script} gives it a pseudo-terminal, so JLine runs in raw mode and a Ctrl-C typed here (byte 3) reaches the
 * gateway as the terminal's SIGINT. It runs in a fresh folder with a copy of {@code config/}.
 */
final class GatewayConsole implements AutoCloseable {

    static final String CTRL_C = "\u0003";
    /** ANSI escapes (colours, cursor moves, modes) that JLine writes around the text. */
    private static final String ANSI = "\u001b(\\[[0-9;?]*[ -/]*[@-~]|[=>()][0-9A-Za-z]?)";

    final Path dir;
    private final Process process;
    private final OutputStream keyboard;
    private final Screen screen;

    /**
     * With its HTTP on a free port: without one, Felix HTTP warns through SLF4J straight onto the terminal, while the
     * test types, and the typed text no longer shows in one piece.
     */
    GatewayConsole() throws IOException {
        this(GatewayOptions.freePort());
    }

    /** @param httpPort the loopback port of its HTTP service (metrics, web console), or -1 for none */
    GatewayConsole(int httpPort) throws IOException {
        this(httpPort, "127.0.0.1");
    }

    /** @param httpHost the address its HTTP service is bound to: 0.0.0.0 for every interface, as on a network */
    GatewayConsole(int httpPort, String httpHost) throws IOException {
        dir = Files.createTempDirectory("cellgate-console");
        copy(GatewayProcess.ROOT.resolve("config"), dir.resolve("config"));
        // Another gateway on this machine may hold the metrics port: this one takes the port it is given, or none.
        Files.writeString(dir.resolve("config/org.apache.felix.http.cfg"),
                "org.apache.felix.http.host=" + httpHost + "\norg.osgi.service.http.port=" + httpPort + "\n");
        GatewayProcess.moveSshToFreePort(dir.resolve("config"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // A terminal of no size (script's, without one of its own) shows no typed text: give it an ordinary one.
        process = new ProcessBuilder("script", "-qefc", "stty cols 120 rows 40; exec " + java + " -jar " + GatewayProcess.JAR,
                "/dev/null").directory(dir.toFile())
                .redirectErrorStream(true).start();
        keyboard = process.getOutputStream();
        screen = new Screen(process.getInputStream(), "gateway-console-reader");
    }

    /** Everything shown so far, without the terminal's escape sequences. */
    String screen() {
        return screen.text().replaceAll(ANSI, "");
    }

    /** What the terminal shows after the first {@code marker} (the whole screen when it does not appear). */
    String screenAfter(String marker) {
        String all = screen();
        int at = all.indexOf(marker);
        return at < 0 ? all : all.substring(at + marker.length());
    }

    void type(String keys) throws IOException {
        keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
    }

    /** Waits until the screen matches, then lets the terminal settle a moment. */
    String await(String what, Predicate<String> shown) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end) {
            String s = screen();
            if (shown.test(s)) {
                Thread.sleep(300);
                return s;
            }
            assertTrue("the gateway ended while waiting for " + what + ":\n" + s, process.isAlive());
            Thread.sleep(100);
        }
        fail("no " + what + " within a minute:\n" + screen());
        return null;
    }

    /** The gateway has started its pack, and the console is reading commands. */
    void awaitReady() throws Exception {
        await("the first tick", s -> s.contains("first healthy tick"));
        type("cellgate:stats\r");
        await("the console", s -> s.contains("packs 1 ("));
    }

    boolean alive() {
        return process.isAlive();
    }

    int awaitExit() throws InterruptedException {
        assertTrue("the gateway ends within 30 s:\n" + screen(), process.waitFor(30, TimeUnit.SECONDS));
        return process.exitValue();
    }

    @Override
    public void close() throws IOException {
        // The gateway runs under script(1): end the whole tree, and wait, before its files are deleted under it.
        List<ProcessHandle> tree = new java.util.ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : tree) {
            try {
                p.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // still running after 10 s: the deletion below fails and says where
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (List<Path>) all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
