package io.cellgate.itests.hw;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
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
 * The hardware assembly's bundle set, as the build passes it (system property {@code hardware.bundles}: the jars of
 * this module's provided dependencies, which mirror gateway-hw.bndrun), installed from the jars themselves.
 */
final class HardwareOptions {

    private HardwareOptions() {
    }

    /** Where the tests keep their tree and configuration: emptied at every start. */
    static Path work() {
        return Path.of(System.getProperty("project.build.directory", "target"), "hardware-it").toAbsolutePath();
    }

    static Option[] hardware() {
        String list = System.getProperty("hardware.bundles");
        if (list == null || list.isBlank()) {
            throw new IllegalStateException(
                    "system property hardware.bundles is missing: run the tests with mvn verify");
        }
        Path work = work();
        deleteTree(work);
        List<Option> options = new ArrayList<>();
        for (String jar : list.split(File.pathSeparator)) {
            options.add(bundle(new File(jar).toURI().toString()));
        }
        options.add(junitBundles());
        options.add(cleanCaches(true));
        // As gateway-hw.bndrun: FileInstall reads .cfg files and never writes back; the tests drop the shipped
        // config/hardware files in, pointed at their fake tree.
        options.add(systemProperty("felix.fileinstall.dir").value(dir(work.resolve("config/hardware")).toString()));
        options.add(systemProperty("felix.fileinstall.filter").value(".*\\.cfg"));
        options.add(systemProperty("felix.fileinstall.poll").value("200"));
        options.add(systemProperty("felix.fileinstall.enableConfigSave").value("false"));
        options.add(systemProperty("felix.cm.dir").value(dir(work.resolve("cm")).toString()));
        options.add(systemProperty("gosh.args").value("--nointeractive"));
        options.add(systemProperty("gosh.home").value(goshHome(work).toString()));
        return options.toArray(new Option[0]);
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
