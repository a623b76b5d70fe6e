package io.cellgate.pack.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.testing.LogLines;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Version;

class PluginFoldersTest {

    @TempDir
    Path root;

    private static final class Log extends LogLines implements PluginFolders.Log {
    }

    private final Log log = new Log();
    private final PluginFolders folders = new PluginFolders(log);

    private void configure(Path dir) {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put(PluginFolders.DIR, dir.toString());
        p.put("felix.fileinstall.filter", ".*\\.jar");
        folders.modifyConfiguration(null, p);
    }

    private static Bundle bundle(String name, String version, String location) {
        return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getSymbolicName" -> name;
                    case "getVersion" -> Version.parseVersion(version);
                    case "getLocation" -> location;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aMissingPluginFolderIsMadeOnceAndAnExistingOneSilently() {
        Path deploy = root.resolve("deploy");
        configure(deploy);
        assertTrue(Files.isDirectory(deploy));
        assertEquals(1, log.lines().size(), log.toString());
        assertTrue(log.lines().get(0).startsWith("INFO made the plugin folder "), log.toString());

        configure(deploy); // the next start: Config Admin hands the same configuration again
        assertEquals(1, log.lines().size(), "an existing folder is not announced again: " + log);
    }

    @Test
    void aBundleFromThePluginFolderIsLoggedWithItsNameAndVersion() {
        Path deploy = root.resolve("deploy");
        configure(deploy);
        log.clear();
        String jar = deploy.resolve("board.jar").toFile().toURI().normalize().toString();

        folders.bundleChanged(new BundleEvent(BundleEvent.INSTALLED, bundle("com.example.board", "1.2.0", jar)));
        folders.bundleChanged(new BundleEvent(BundleEvent.STARTED, bundle("com.example.board", "1.2.0", jar)));
        folders.bundleChanged(new BundleEvent(BundleEvent.UPDATED, bundle("com.example.board", "1.3.0", jar)));
        folders.bundleChanged(new BundleEvent(BundleEvent.UNINSTALLED, bundle("com.example.board", "1.3.0", jar)));
        // bundles from anywhere else are the assembly's or the operator's, not plugins of the folder
        folders.bundleChanged(new BundleEvent(BundleEvent.INSTALLED, bundle("other", "1.0.0",
                root.resolve("elsewhere/other.jar").toUri().toString())));
        folders.bundleChanged(new BundleEvent(BundleEvent.INSTALLED, bundle("shell", "1.0.0", "reference:x")));

        assertEquals(List.of("INFO plugin com.example.board 1.2.0 installed from deploy/board.jar",
                "INFO plugin com.example.board 1.2.0 started from deploy/board.jar",
                "INFO plugin com.example.board 1.3.0 updated from deploy/board.jar",
                "INFO plugin com.example.board 1.3.0 removed from deploy/board.jar"), log.lines());
    }

    @Test
    void aFolderThatCannotBeMadeSaysWhatToDo() throws Exception {
        Path file = Files.writeString(root.resolve("not-a-folder"), "x");
        configure(file.resolve("deploy"));
        assertEquals(1, log.lines().size());
        String line = log.lines().get(0);
        assertTrue(line.startsWith("WARN cannot make the plugin folder ") && line.contains("mkdir "), line);
    }
}
