package io.cellgate.pack.internal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.function.Supplier;
import org.apache.felix.fileinstall.ArtifactInstaller;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * A jar in a plugin folder ({@code deploy/}) never takes over a bundle it did not install. FileInstall, given a jar
 * whose symbolic name and version are those of a bundle already installed, updates that bundle with the jar and from
 * then on owns it: deleting the jar uninstalls it. For a bundle built into gateway.jar that meant every pack on it went
 * {@code NO_BALANCER} until the next restart. FileInstall asks its artifact installers first, so this one claims such
 * a jar and leaves the installed bundle alone, saying so; deleting the jar then changes nothing. Jars FileInstall
 * installed itself (their location is the jar) and jars of a new name or version are not claimed.
 */
@Component(service = ArtifactInstaller.class)
public final class DeployGuard implements ArtifactInstaller {

    private final Supplier<Bundle[]> bundles;
    private final PluginFolders.Log log;

    @Activate
    public DeployGuard(BundleContext context,
            @Reference(name = "log", service = LoggerFactory.class) Logger logger) {
        this(context::getBundles, new PluginFolders.Log() {
            @Override
            public void info(String message) {
                logger.info(message);
            }

            @Override
            public void warn(String message) {
                logger.warn(message);
            }
        });
    }

    DeployGuard(Supplier<Bundle[]> bundles, PluginFolders.Log log) {
        this.bundles = bundles;
        this.log = log;
    }

    @Override
    public boolean canHandle(File artifact) {
        return installedElsewhere(artifact) != null;
    }

    @Override
    public void install(File artifact) {
        leftAlone(artifact);
    }

    @Override
    public void update(File artifact) {
        leftAlone(artifact);
    }

    @Override
    public void uninstall(File artifact) {
        if (!artifact.isFile()) {
            log.info(shown(artifact) + " removed: nothing was installed from it, so nothing is uninstalled");
            return;
        }
        // Replaced by a jar of a new name or version: FileInstall forgets the file without installing it, and would
        // look at it again only when it changes. A new modification time makes it pick the jar up at its next scan.
        try {
            Path file = artifact.toPath();
            long now = System.currentTimeMillis();
            long before = Files.getLastModifiedTime(file).toMillis();
            Files.setLastModifiedTime(file, FileTime.fromMillis(Math.max(now, before + 1000)));
            log.info(shown(artifact) + " is a new plugin now: it is installed at the next scan");
        } catch (IOException e) {
            log.warn(shown(artifact) + " changed but could not be touched (" + e.getMessage() + "): copy it in "
                    + "again to install it");
        }
    }

    private void leftAlone(File artifact) {
        Bundle b = installedElsewhere(artifact);
        if (b == null) {
            return; // it changed in the meantime; FileInstall asks again
        }
        boolean builtIn = b.getLocation().startsWith("jar/");
        log.warn(shown(artifact) + " is " + b.getSymbolicName() + " " + b.getVersion() + ", which is "
                + (builtIn ? "built into gateway.jar" : "installed from " + b.getLocation()) + " as bundle "
                + b.getBundleId() + ": left alone, and deleting the jar will not touch it. To run this build "
                + "instead, cellgate:update " + b.getBundleId() + " " + shown(artifact) + "; to run it as a plugin "
                + "of its own, give it a symbolic name or version of its own");
    }

    /** The installed bundle of the jar's name and version that the jar did not install, or null. */
    private Bundle installedElsewhere(File artifact) {
        if (!artifact.getName().toLowerCase().endsWith(".jar") || !artifact.isFile()) {
            return null;
        }
        String name;
        Version version;
        try (JarFile jar = new JarFile(artifact)) {
            Manifest m = jar.getManifest();
            Attributes a = m == null ? null : m.getMainAttributes();
            String bsn = a == null ? null : a.getValue(Constants.BUNDLE_SYMBOLICNAME);
            if (bsn == null) {
                return null; // no bundle: FileInstall says what is wrong with it
            }
            name = bsn.split(";", 2)[0].trim();
            String v = a.getValue(Constants.BUNDLE_VERSION);
            version = v == null ? Version.emptyVersion : Version.parseVersion(v.trim());
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
        Path jar = artifact.toPath().toAbsolutePath().normalize();
        for (Bundle b : bundles.get()) {
            if (b.getBundleId() != 0 && name.equals(b.getSymbolicName()) && version.equals(b.getVersion())) {
                return jar.equals(PluginFolders.pathOf(b.getLocation())) ? null : b;
            }
        }
        return null;
    }


    /** The jar as the operator knows it: relative to the gateway's folder when it is inside it. */
    private static String shown(File artifact) {
        Path jar = artifact.toPath().toAbsolutePath().normalize();
        Path here = Path.of("").toAbsolutePath();
        return jar.startsWith(here) ? here.relativize(jar).toString() : jar.toString();
    }
}
