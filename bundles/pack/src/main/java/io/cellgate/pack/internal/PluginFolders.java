package io.cellgate.pack.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationPlugin;

/**
 * The folders FileInstall watches for plugin bundles (its factory configurations, such as
 * {@code config/org.apache.felix.fileinstall-deploy.cfg} for {@code deploy/}). A folder that is missing is made as
 * its configuration reaches FileInstall, so that the gateway's first start makes it and no start warns that it does
 * not exist; and every bundle installed, updated or removed from one is logged with its name and version, so that the
 * operator sees which plugin a dropped jar turned out to be.
 */
final class PluginFolders implements ConfigurationPlugin, BundleListener {

    static final String FILEINSTALL_PID = "org.apache.felix.fileinstall";
    static final String DIR = "felix.fileinstall.dir";

    /** Where the messages go: the OSGi log when it runs. */
    interface Log {
        void info(String message);

        void warn(String message);
    }

    private final Log log;
    private final Set<Path> folders = ConcurrentHashMap.newKeySet();

    PluginFolders(Log log) {
        this.log = log;
    }

    @Override
    public void modifyConfiguration(ServiceReference<?> target, Dictionary<String, Object> properties) {
        if (!(properties.get(DIR) instanceof String dir) || dir.isBlank()) {
            return;
        }
        Path folder = Path.of(dir).toAbsolutePath().normalize();
        folders.add(folder);
        if (Files.isDirectory(folder)) {
            return;
        }
        try {
            Files.createDirectories(folder);
            log.info("made the plugin folder " + dir + ": a bundle jar dropped into it is installed and started");
        } catch (IOException e) {
            log.warn("cannot make the plugin folder " + folder + " (" + e.getMessage() + "): make it by hand, "
                    + "mkdir " + folder + ", and plugins dropped into it are picked up within a second");
        }
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        String what = switch (event.getType()) {
            case BundleEvent.INSTALLED -> "installed";
            case BundleEvent.STARTED -> "started"; // running: its services are there, it can be stopped cleanly
            case BundleEvent.UPDATED -> "updated";
            case BundleEvent.UNINSTALLED -> "removed";
            default -> null;
        };
        Bundle b = event.getBundle();
        Path jar = what == null ? null : pathOf(b.getLocation());
        if (jar == null) {
            return;
        }
        for (Path folder : folders) {
            if (jar.startsWith(folder)) {
                log.info("plugin " + b.getSymbolicName() + " " + b.getVersion() + " " + what + " from "
                        + folder.getFileName().resolve(folder.relativize(jar)));
                return;
            }
        }
    }

    /** The file a bundle location names, or null: FileInstall installs with the jar's file URI. */
    static Path pathOf(String location) {
        try {
            URI uri = URI.create(location);
            return "file".equals(uri.getScheme()) ? Path.of(uri).toAbsolutePath().normalize() : null;
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return null;
        }
    }
}
