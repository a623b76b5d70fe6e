package io.cellgate.pack.internal;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * A configuration file that FileInstall could not hand to Config Admin while the disk of {@code data/} was full
 * (FileInstall says so in one line, "Failed to install artifact") is not read again until it changes. So when that
 * disk has room again after being full, every {@code .cfg} file of the watched folder without a configuration is
 * offered once more: its modification time moves on, and FileInstall reads it at its next scan.
 */
@Component(immediate = true)
public final class ConfigRetry {

    static final long LOOK_MILLIS = 2000;
    /** Less free than this is full: Config Admin writes a configuration of a few hundred bytes. */
    static final long ROOM_BYTES = 1 << 20;

    private final ConfigurationAdmin admin;
    private final Logger log;
    private final Path folder;
    private final Path store;
    private final Thread thread;

    @Activate
    public ConfigRetry(BundleContext context, @Reference ConfigurationAdmin admin,
            @Reference(name = "log", service = LoggerFactory.class) Logger log) {
        this.admin = admin;
        this.log = log;
        String dir = context.getProperty(PluginFolders.DIR);
        File data = context.getDataFile("");
        this.folder = dir == null ? null : Path.of(dir).toAbsolutePath();
        this.store = data == null ? null : data.toPath();
        this.thread = new Thread(this::watch, "cellgate-config-retry");
        thread.setDaemon(true);
        if (folder != null && store != null) {
            thread.start();
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        thread.interrupt();
        thread.join(TimeUnit.SECONDS.toMillis(5));
    }

    private void watch() {
        boolean full = false;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                boolean room = Files.getFileStore(store).getUsableSpace() >= ROOM_BYTES;
                if (full && room) {
                    offerAgain();
                }
                full = !room;
                Thread.sleep(LOOK_MILLIS);
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                full = false; // the disk cannot be asked: nothing to decide on
            }
        }
    }

    private void offerAgain() throws IOException {
        List<Path> missing = notApplied(folder, appliedFiles());
        for (Path file : missing) {
            Files.setLastModifiedTime(file, FileTime.fromMillis(Math.max(System.currentTimeMillis(),
                    Files.getLastModifiedTime(file).toMillis() + 1000)));
        }
        if (!missing.isEmpty()) {
            log.info("data/ has room again: {} offered to Config Admin once more", missing.stream()
                    .map(p -> folder.getFileName().resolve(p.getFileName()).toString()).toList());
        }
    }

    /** The files FileInstall made a configuration of. */
    private Set<Path> appliedFiles() throws IOException {
        Set<Path> applied = new HashSet<>();
        try {
            Configuration[] all = admin.listConfigurations("(" + FILE + "=*)");
            for (Configuration c : all == null ? new Configuration[0] : all) {
                Dictionary<String, Object> p = c.getProperties();
                Object url = p == null ? null : p.get(FILE);
                if (url != null) {
                    applied.add(Path.of(URI.create(url.toString())).toAbsolutePath().normalize());
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e); // a constant filter
        }
        return applied;
    }

    private static final String FILE = "felix.fileinstall.filename";

    /** The {@code .cfg} files of {@code folder} (not below it) that no configuration came from. */
    static List<Path> notApplied(Path folder, Set<Path> applied) throws IOException {
        List<Path> missing = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".cfg") && Files.isRegularFile(p)).sorted()
                    .toList()) {
                if (!applied.contains(f.toAbsolutePath().normalize())) {
                    missing.add(f);
                }
            }
        }
        return missing;
    }
}
