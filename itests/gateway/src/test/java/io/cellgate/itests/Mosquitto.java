package io.cellgate.itests;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Mosquitto broker on loopback for one test: its own configuration file and port, no persistence (a restart
 * forgets retained messages, as a small broker without storage would). {@link #kill()} ends it the hard way.
 */
final class Mosquitto implements AutoCloseable {

    static final long START_TIMEOUT_MS = 5_000;

    private final Path binary;
    private final Path config;
    private final Path log;
    private final int port;
    private Process process;

    private Mosquitto(Path binary, Path dir, int port) throws IOException {
        this.binary = binary;
        this.port = port;
        Files.createDirectories(dir);
        this.config = dir.resolve("mosquitto-" + port + ".conf");
        this.log = dir.resolve("mosquitto-" + port + ".log");
        allowAnonymous(true);
    }

    /** A broker that refuses every client (none has a password), or takes them all; {@link #restart()} applies it. */
    void allowAnonymous(boolean allow) throws IOException {
        Files.writeString(config, "listener " + port + " 127.0.0.1\nallow_anonymous " + allow
                + "\npersistence false\n");
    }

    /**
     * A broker configured by {@code settings} (Mosquitto's own lines after its {@code listener}: TLS files, a password
     * file, an ACL), started on {@code port}.
     */
    static Mosquitto start(Path dir, int port, String settings) throws IOException, InterruptedException {
        Mosquitto m = new Mosquitto(binary(), dir, port);
        Files.writeString(m.config, "listener " + port + " 127.0.0.1\n" + settings + "\npersistence false\n"
                + "user root\n"); // as root Mosquitto would otherwise read its files as user mosquitto
        m.restart();
        return m;
    }

    /** Starts a broker on {@code port}; fails the test when Mosquitto is not installed. */
    static Mosquitto start(Path dir, int port) throws IOException, InterruptedException {
        Mosquitto m = new Mosquitto(binary(), dir, port);
        m.restart();
        return m;
    }

    /** Mosquitto on the PATH, or where Debian puts it (/usr/sbin is not on every PATH). */
    static Path binary() {
        List<Path> candidates = new ArrayList<>();
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!d.isEmpty()) {
                candidates.add(Path.of(d, "mosquitto"));
            }
        }
        candidates.add(Path.of("/usr/sbin/mosquitto"));
        candidates.add(Path.of("/usr/local/sbin/mosquitto"));
        return candidates.stream().filter(Files::isExecutable).findFirst().orElseThrow(() -> new AssertionError(
                "mosquitto is not installed: apt-get install -y mosquitto (.ci/run does it)"));
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /** The same broker over TLS, for a listener configured with certificates. */
    String sslUrl() {
        return "ssl://127.0.0.1:" + port;
    }

    /** What the broker logged: refused logins and handshakes show here. */
    String log() throws IOException {
        return Files.readString(log);
    }

    int port() {
        return port;
    }

    /**
     * Starts (again) on the same port and waits until it accepts connections. A broker still running is ended first:
     * otherwise the old one would go on answering on the port, unseen, and outlive the test.
     */
    void restart() throws IOException, InterruptedException {
        kill();
        process = new ProcessBuilder(binary.toString(), "-c", config.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long end = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (!accepts()) {
            if (!process.isAlive() || System.currentTimeMillis() > end) {
                throw new AssertionError("mosquitto did not start on port " + port + ": " + Files.readString(log));
            }
            Thread.sleep(20);
        }
    }

    /** Ends the broker at once (SIGKILL): no goodbye to any client. */
    void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private boolean accepts() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
