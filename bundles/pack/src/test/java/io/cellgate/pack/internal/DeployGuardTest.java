package io.cellgate.pack.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.Version;

class DeployGuardTest {

    @TempDir
    Path root;

    private final List<String> log = new ArrayList<>();
    private final List<Bundle> installed = new ArrayList<>();
    private final DeployGuard guard = new DeployGuard(() -> installed.toArray(Bundle[]::new), new PluginFolders.Log() {
        @Override
        public void info(String message) {
            log.add("INFO " + message);
        }

        @Override
        public void warn(String message) {
            log.add("WARN " + message);
        }
    });

    private static Bundle bundle(long id, String name, String version, String location) {
        return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getBundleId" -> id;
                    case "getSymbolicName" -> name;
                    case "getVersion" -> Version.parseVersion(version);
                    case "getLocation" -> location;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private File jar(String file, String name, String version) throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().putValue("Bundle-ManifestVersion", "2");
        if (name != null) {
            m.getMainAttributes().putValue("Bundle-SymbolicName", name);
            m.getMainAttributes().putValue("Bundle-Version", version);
        }
        Path jar = root.resolve(file);
        Files.createDirectories(jar.getParent());
        try (OutputStream o = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(o, m)) {
            j.flush();
        }
        return jar.toFile();
    }

    /** A jar the guard claims from FileInstall, and what it does with it. */
    private File claimed(File jar) throws Exception {
        assertTrue(guard.canHandle(jar), jar + " must be the guard's");
        guard.install(jar);
        return jar;
    }

    @Test
    void aJarWithTheNameAndVersionOfABuiltInIsClaimedAndLeftAlone() throws Exception {
        installed.add(bundle(4, "io.cellgate.balancer.ek", "0.1.0.SNAPSHOT",
                "jar/io.cellgate.balancer.ek-0.1.0-SNAPSHOT.jar"));
        File ek = jar("deploy/ek.jar", "io.cellgate.balancer.ek;singleton:=true", "0.1.0.SNAPSHOT");

        assertTrue(guard.canHandle(ek), "FileInstall must not update the built-in with it");
        guard.install(ek);
        assertEquals(1, log.size());
        String line = log.get(0);
        assertTrue(line.startsWith("WARN ") && line.contains(" is io.cellgate.balancer.ek 0.1.0.SNAPSHOT, which is "
                + "built into gateway.jar as bundle 4: left alone, and deleting the jar will not touch it. To run "
                + "this build instead, cellgate:update 4 "), line);

        Files.delete(ek.toPath());
        guard.uninstall(ek);
        assertEquals("INFO", log.get(1).substring(0, 4));
        assertTrue(log.get(1).endsWith(" removed: nothing was installed from it, so nothing is uninstalled"),
                log.get(1));
    }

    @Test
    void aJarWithTheNameAndVersionOfABundleInstalledFromTheShellIsLeftAloneToo() throws Exception {
        installed.add(bundle(43, "com.example.board", "1.0.0", "file:/home/op/board.jar"));
        claimed(jar("deploy/board.jar", "com.example.board", "1.0"));
        assertTrue(log.get(0).contains("which is installed from file:/home/op/board.jar as bundle 43"), log.get(0));
    }

    @Test
    void aJarFileInstallInstalledItselfANewPluginAndANewVersionAreFileInstallsToHandle() throws Exception {
        File own = jar("deploy/board.jar", "com.example.board", "1.0.0");
        installed.add(bundle(4, "io.cellgate.balancer.ek", "0.1.0.SNAPSHOT", "jar/io.cellgate.balancer.ek.jar"));
        installed.add(bundle(50, "com.example.board", "1.0.0", own.toURI().toString()));

        assertFalse(guard.canHandle(own), "the jar's own bundle: FileInstall updates and uninstalls it");
        assertFalse(guard.canHandle(jar("deploy/new.jar", "com.example.other", "1.0.0")));
        assertFalse(guard.canHandle(jar("deploy/ek-2.jar", "io.cellgate.balancer.ek", "2.0.0")));
        assertFalse(guard.canHandle(jar("deploy/plain.jar", null, null)), "no bundle: FileInstall reports it");
        assertFalse(guard.canHandle(Files.writeString(root.resolve("pack1.cfg"), "x=1").toFile()));
        assertFalse(guard.canHandle(root.resolve("deploy/gone.jar").toFile()));
        assertEquals(List.of(), log);
    }

    @Test
    void aClaimedJarReplacedByANewVersionIsTouchedSoThatFileInstallPicksItUp() throws Exception {
        installed.add(bundle(4, "io.cellgate.balancer.ek", "0.1.0.SNAPSHOT", "jar/io.cellgate.balancer.ek.jar"));
        File ek = claimed(jar("deploy/ek.jar", "io.cellgate.balancer.ek", "0.1.0.SNAPSHOT"));

        jar("deploy/ek.jar", "io.cellgate.balancer.ek", "0.2.0");
        FileTime written = Files.getLastModifiedTime(ek.toPath());
        // FileInstall sees the change, asks again, is told no, and forgets the jar: it calls uninstall
        assertFalse(guard.canHandle(ek));
        guard.uninstall(ek);
        assertTrue(Files.getLastModifiedTime(ek.toPath()).compareTo(written) > 0,
                "a new modification time makes FileInstall's next scan see a new jar");
        assertTrue(log.get(log.size() - 1).endsWith(" is a new plugin now: it is installed at the next scan"),
                log.toString());
    }
}
