package io.cellgate.itests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * gateway.jar as an operator runs it: {@code java -jar gateway.jar}, a separate process in a folder of its own that
 * holds a copy of the repository's {@code config/}. The folder outlives the process, so a test can restart the gateway
 * on the framework cache it left, as on a gateway box.
 */
final class GatewayProcess {

    static final Path ROOT = Path.of(System.getProperty("project.build.directory", "target")).toAbsolutePath()
            .getParent().getParent().getParent();
    static final Path JAR = ROOT.resolve("features/gateway/target/gateway.jar");

    private static final String SSH_CFG = "io.cellgate.ssh.cfg";

    private GatewayProcess() {
    }

    /**
     * A fresh folder {@code target/<name>} holding a copy of every {@code config/*.cfg}; nothing of a last run. Its
     * SSH shell listens on a free port ({@link #sshPort}), so that it never meets another gateway's.
     */
    static Path freshHome(String name) throws IOException {
        Path home = Path.of(System.getProperty("project.build.directory", "target"), name).toAbsolutePath();
        GatewayOptions.deleteTree(home);
        Files.createDirectories(home.resolve("config"));
        try (Stream<Path> files = Files.list(ROOT.resolve("config"))) {
            for (Path cfg : files.filter(f -> f.toString().endsWith(".cfg")).toList()) {
                Files.copy(cfg, home.resolve("config").resolve(cfg.getFileName()));
            }
        }
        moveSshToFreePort(home.resolve("config"));
        return home;
    }

    /** Sets the port of the SSH shell in the configuration folder {@code config} to one nobody listens on now. */
    static void moveSshToFreePort(Path config) throws IOException {
        Path ssh = config.resolve(SSH_CFG);
        Files.writeString(ssh, Files.readString(ssh).replaceAll("(?m)^port=\\d+$",
                "port=" + GatewayOptions.freePort()));
    }

    /** The port of the SSH shell configured in the configuration folder {@code config}. */
    static int sshPort(Path config) throws IOException {
        return Files.readAllLines(config.resolve(SSH_CFG)).stream().filter(l -> l.startsWith("port="))
                .map(l -> Integer.parseInt(l.substring("port=".length()).trim())).findFirst().orElseThrow();
    }

    /**
     * Starts gateway.jar in {@code home}, everything it prints (out and err) written to {@code out}; its console reads
     * {@code console}: {@link ProcessBuilder.Redirect#PIPE} to type commands, or a file for none.
     */
    static Process start(Path home, Path out, ProcessBuilder.Redirect console) throws IOException {
        return start(home, out, console, List.of(), Map.of());
    }

    /** As {@link #start(Path, Path, ProcessBuilder.Redirect)}, with JVM options and more environment variables. */
    static Process start(Path home, Path out, ProcessBuilder.Redirect console, List<String> jvmOptions,
            Map<String, String> environment) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        ProcessBuilder b = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).redirectInput(console);
        b.environment().putAll(environment);
        return b.start();
    }

    /** Serves HTTP (/metrics) on a free port instead of the default one, which another gateway may hold. */
    static int freePortFor(Path home) throws IOException {
        int port = GatewayOptions.freePort();
        Files.writeString(home.resolve("config/org.apache.felix.http.cfg"),
                "org.apache.felix.http.host=127.0.0.1\norg.osgi.service.http.port=" + port + "\n");
        return port;
    }

    /** The body of GET {@code url}, or "" until the gateway answers it with 200. */
    static String get(String url) {
        try {
            HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build().send(
                    HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? r.body() : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** Ends a gateway a test left running: SIGTERM, as systemd stops it, and SIGKILL after 30 s. */
    static void end(Process gateway) throws InterruptedException {
        if (gateway != null && gateway.isAlive()) {
            gateway.destroy();
            if (!gateway.waitFor(30, TimeUnit.SECONDS)) {
                gateway.destroyForcibly();
            }
        }
    }

    /**
     * The threads of a gateway that did not show what a test waited for, as {@code jcmd Thread.print} gives them: a
     * wait that times out then says where the gateway was, not only what it printed.
     */
    static String threads(Process gateway) {
        if (!gateway.isAlive()) {
            return "(the gateway has ended)";
        }
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(gateway.pid()), "Thread.print").redirectErrorStream(true).start();
            String dump = new String(jcmd.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            jcmd.waitFor(30, TimeUnit.SECONDS);
            return dump;
        } catch (IOException e) {
            return "(no thread dump: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(no thread dump: interrupted)";
        }
    }

    /** A bundle with a manifest and nothing else: a plugin that FileInstall or the shell installs, starts and stops. */
    static Path writeBundle(Path jar, String symbolicName, String version) throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().putValue("Bundle-ManifestVersion", "2");
        m.getMainAttributes().putValue("Bundle-SymbolicName", symbolicName);
        m.getMainAttributes().putValue("Bundle-Version", version);
        try (OutputStream o = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(o, m)) {
            j.flush();
        }
        return jar;
    }
}
