package io.cellgate.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemPackage;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.ops4j.pax.exam.Option;

/**
 * The gateway's bundle set: the bundles the bnd resolver chose for gateway.bndrun, which the build exports into a
 * folder (system property {@code gateway.bundles.dir}), installed from the jars themselves.
 */
final class GatewayOptions {

    private GatewayOptions() {
    }

    static Option[] gateway() {
        Path work = Path.of(System.getProperty("project.build.directory", "target"), "gateway-it");
        deleteTree(work); // every run starts with no configuration left over from the last one
        List<Option> options = new ArrayList<>();
        for (Path jar : resolvedBundles("gateway.bundles.dir")) {
            options.add(bundle(jar.toUri().toString()));
        }
        options.add(junitBundles());
        options.add(cleanCaches(true));
        // As the assembly's -runsystempackages: SSHD's Ed25519 provider imports it to resolve.
        options.add(systemPackage("sun.security.x509"));
        // As the assemblies: INFO from the first moment, not only once Config Admin has the log's configuration file.
        options.add(systemProperty("org.osgi.service.log.admin.loglevel").value("INFO"));
        // FileInstall watches a folder of its own; the tests configure packs through Config Admin or files there.
        Path config = dir(work.resolve("config"));
        // As the gateway's config/ does: INFO and up reach the log, where some tests read what the gateway said.
        write(config.resolve("org.osgi.service.log.admin.cfg"), "ROOT=INFO\n");
        // The packs' balancing ledgers in this run's folder, not in data/ of the working directory.
        write(config.resolve("io.cellgate.insight.cfg"), "directory=" + dir(work.resolve("insight")) + "\n");
        options.add(systemProperty("felix.fileinstall.dir").value(config.toString()));
        options.add(systemProperty("felix.fileinstall.poll").value("200"));
        options.add(systemProperty("felix.fileinstall.enableConfigSave").value("false")); // as in gateway.bndrun
        options.add(systemProperty("felix.cm.dir").value(dir(work.resolve("cm")).toString()));
        // No terminal under test: a non-interactive shell with an empty profile of our own.
        options.add(systemProperty("gosh.args").value("--nointeractive"));
        options.add(systemProperty("gosh.home").value(goshHome(work).toString()));
        // Felix HTTP (the Prometheus /metrics) on loopback and a free port, never on the default 8080.
        options.add(systemProperty("org.apache.felix.http.host").value("127.0.0.1"));
        options.add(systemProperty("org.osgi.service.http.port").value(String.valueOf(freePort())));
        options.add(systemProperty("org.slf4j.simpleLogger.defaultLogLevel").value("warn")); // as in gateway.bndrun
        return options.toArray(new Option[0]);
    }

    /** A loopback port nobody listens on now. */
    static int freePort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The jars in the folder the system property names, sorted by name. The build fills it with the bundles the
     * resolver chose for the assembly, so a bundle added to the assembly reaches the tests with no edit here.
     */
    private static List<Path> resolvedBundles(String property) {
        String dir = System.getProperty(property);
        if (dir == null || dir.isBlank()) {
            throw new IllegalStateException(
                    "system property " + property + " is missing: run the tests with mvn verify");
        }
        try (Stream<Path> files = Files.list(Path.of(dir))) {
            List<Path> jars = files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
            if (jars.isEmpty()) {
                throw new IllegalStateException(dir + " holds no bundles: build the assembly first (mvn verify)");
            }
            return jars;
        } catch (IOException e) {
            throw new UncheckedIOException(dir + " cannot be read: build the assembly first (mvn verify)", e);
        }
    }

    private static Path goshHome(Path work) {
        Path home = work.resolve("gosh");
        try {
            Files.createDirectories(home.resolve("etc"));
            Files.writeString(home.resolve("etc/gosh_profile"), "# empty: the built-in profile needs a terminal\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return home;
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path dir(Path p) {
        try {
            return Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
