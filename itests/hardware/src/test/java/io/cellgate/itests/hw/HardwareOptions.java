package io.cellgate.itests.hw;

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
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.ops4j.pax.exam.Option;

/**
 * The hardware assembly's bundle set: the bundles the bnd resolver chose for gateway-hw.bndrun, which the build
 * exports into a folder (system property {@code hardware.bundles.dir}), installed from the jars themselves.
 */
final class HardwareOptions {

    private HardwareOptions() {
    }

    /** Where the tests keep their tree and configuration: emptied at every start. */
    static Path work() {
        return Path.of(System.getProperty("project.build.directory", "target"), "hardware-it").toAbsolutePath();
    }

    static Option[] hardware() {
        Path work = work();
        deleteTree(work);
        List<Option> options = new ArrayList<>();
        for (Path jar : resolvedBundles("hardware.bundles.dir")) {
            options.add(bundle(jar.toUri().toString()));
        }
        options.add(junitBundles());
        options.add(cleanCaches(true));
        // As the assembly's -runsystempackages: SSHD's Ed25519 provider imports it to resolve.
        options.add(systemPackage("sun.security.x509"));
        // As the assemblies: INFO from the first moment, not only once Config Admin has the log's configuration file.
        options.add(systemProperty("org.osgi.service.log.admin.loglevel").value("INFO"));
        // As gateway-hw.bndrun: FileInstall reads .cfg files and never writes back; the tests drop the shipped
        // config/hardware files in, pointed at their fake tree.
        options.add(systemProperty("felix.fileinstall.dir").value(dir(work.resolve("config/hardware")).toString()));
        options.add(systemProperty("felix.fileinstall.filter").value(".*\\.cfg"));
        options.add(systemProperty("felix.fileinstall.poll").value("200"));
        options.add(systemProperty("felix.fileinstall.enableConfigSave").value("false"));
        options.add(systemProperty("felix.cm.dir").value(dir(work.resolve("cm")).toString()));
        // As gateway-hw.bndrun: Jetty waits for config/hardware/org.apache.felix.http.cfg, whose port the tests set.
        options.add(systemProperty("org.apache.felix.http.require.config").value("true"));
        options.add(systemProperty("org.slf4j.simpleLogger.defaultLogLevel").value("warn"));
        options.add(systemProperty("gosh.args").value("--nointeractive"));
        options.add(systemProperty("gosh.home").value(goshHome(work).toString()));
        return options.toArray(new Option[0]);
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

    /** A loopback port nobody listens on now. */
    static int freePort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
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
