package io.cellgate.launch;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URL;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;

/**
 * The bnd launcher's embedded activator (manifest header {@code Embedded-Activator}, jar on {@code -runpath}): runs
 * with the system bundle's context once the framework has read its cache and before the launcher installs the bundles
 * of gateway.jar, and uninstalls what would make that install fail ({@link CachePlan}). Not a DS component: nothing of
 * the framework runs yet, and a component would come too late to prevent the failure.
 */
public final class BuiltInBundles implements BundleActivator {

    /** The launcher's phase for this activator: after the framework's init, before the launcher installs anything. */
    public static final String IMMEDIATE = "AFTER_FRAMEWORK_INIT";

    static final String LAUNCH_BUNDLES = "launch.bundles";
    static final String LAUNCH_RUNBUNDLES_ATTRS = "launch.runbundles.attrs";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private final PrintStream out = System.out;

    @Override
    public void start(BundleContext system) {
        // The launcher ends the gateway when an activator throws: this one reports what it could not do and returns.
        try {
            String listed = system.getProperty(LAUNCH_BUNDLES);
            if (listed == null || listed.isBlank()) {
                return; // not an executable jar: nothing is built in
            }
            List<String> builtIns = Arrays.stream(listed.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .toList();
            List<CachePlan.Installed> installed = new ArrayList<>();
            for (Bundle b : system.getBundles()) {
                if (b.getBundleId() != 0) {
                    installed.add(new CachePlan.Installed(b.getBundleId(), b.getLocation(),
                            String.valueOf(b.getSymbolicName()), b.getVersion()));
                }
            }
            var inJar = CachePlan.identities(system.getProperty(LAUNCH_RUNBUNDLES_ATTRS));
            for (CachePlan.Removal r : CachePlan.plan(builtIns, inJar, this::identity, installed)) {
                Bundle b = system.getBundle(r.bundle().id());
                try {
                    b.uninstall();
                    print(r.warning() ? "WARN" : "INFO", r.reason());
                } catch (BundleException | IllegalStateException e) {
                    print("ERROR", "could not uninstall " + r.bundle().describe() + ": " + e.getMessage()
                            + "; if the gateway does not start, uninstall it by hand or move data/ aside");
                }
            }
        } catch (RuntimeException e) {
            print("ERROR", "the check of the bundles kept in the framework cache failed (" + e.getMessage()
                    + "); the gateway starts without it");
        }
    }

    @Override
    public void stop(BundleContext context) {
        // nothing to undo
    }

    /** The name and version of a bundle inside gateway.jar, from its manifest; null when it cannot be read. */
    private CachePlan.Identity identity(String path) {
        URL jar = getClass().getClassLoader().getResource(path);
        if (jar == null) {
            return null;
        }
        try (InputStream in = jar.openStream(); JarInputStream j = new JarInputStream(in, false)) {
            Manifest m = j.getManifest();
            Attributes a = m == null ? null : m.getMainAttributes();
            String name = a == null ? null : a.getValue(Constants.BUNDLE_SYMBOLICNAME);
            if (name == null) {
                return null;
            }
            int directives = name.indexOf(';');
            String version = a.getValue(Constants.BUNDLE_VERSION);
            return new CachePlan.Identity((directives < 0 ? name : name.substring(0, directives)).trim(),
                    version == null ? Version.emptyVersion : Version.parseVersion(version.trim()));
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /** As the gateway's console prints its log, which does not run yet. */
    private void print(String level, String message) {
        out.println(TIME.format(Instant.now()) + " " + level + " io.cellgate.launch: " + message);
        out.flush();
    }
}
