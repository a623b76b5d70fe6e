package io.cellgate.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.launch.CachePlan.Identity;
import io.cellgate.launch.CachePlan.Installed;
import io.cellgate.launch.CachePlan.Removal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;

class CachePlanTest {

    private static final String EK = "jar/io.cellgate.balancer.ek-0.1.0-SNAPSHOT.jar";
    private static final String API = "jar/io.cellgate.api-0.1.0-SNAPSHOT.jar";
    private static final Version SNAPSHOT = Version.parseVersion("0.1.0.SNAPSHOT");
    private static final Map<String, Identity> JAR = Map.of(
            EK, new Identity("io.cellgate.balancer.ek", SNAPSHOT),
            API, new Identity("io.cellgate.api", SNAPSHOT));

    /** The manifests the plan read from the jar. */
    private final List<String> read = new ArrayList<>();
    private final Function<String, Identity> identityOf = location -> {
        read.add(location);
        return JAR.get(location);
    };

    private List<Removal> plan(Installed... installed) {
        return CachePlan.plan(List.of(API, EK), Set.copyOf(JAR.values()), identityOf, List.of(installed));
    }

    @Test
    void aCacheHoldingExactlyTheBuiltInsIsLeftAloneAndNoManifestIsRead() {
        assertEquals(List.of(), plan(new Installed(1, API, "io.cellgate.api", SNAPSHOT),
                new Installed(2, EK, "io.cellgate.balancer.ek", SNAPSHOT)));
        assertEquals(List.of(), read);
    }

    @Test
    void theFirstStartReadsNothing() {
        assertEquals(List.of(), plan());
        assertEquals(List.of(), read, "an empty cache has nothing a built-in could collide with");
    }

    @Test
    void anOperatorCopyOfAnUninstalledBuiltInGoesSoThatTheBuiltInComesBack() {
        Installed copy = new Installed(43, "file:/tmp/ek.jar", "io.cellgate.balancer.ek", SNAPSHOT);
        List<Removal> removals = plan(new Installed(1, API, "io.cellgate.api", SNAPSHOT), copy);
        assertEquals(1, removals.size());
        Removal r = removals.get(0);
        assertEquals(copy, r.bundle());
        assertTrue(r.warning());
        assertEquals("io.cellgate.balancer.ek 0.1.0.SNAPSHOT from file:/tmp/ek.jar (bundle 43) uninstalled: it has "
                + "the name and version of a bundle of gateway.jar, and every start puts gateway.jar's own bundles "
                + "back. To change a built-in bundle for good, build a gateway.jar with it; a plugin of a name or "
                + "version of its own stays installed", r.reason());
        assertEquals(List.of(EK), read, "only the missing built-in's manifest is read");
    }

    @Test
    void aPluginOfAnotherNameOrVersionStays() {
        Installed newer = new Installed(43, "file:/tmp/ek-2.jar", "io.cellgate.balancer.ek", Version.parseVersion("2"));
        Installed plugin = new Installed(44, "file:/srv/deploy/board.jar", "com.example.board", SNAPSHOT);
        assertEquals(List.of(), plan(new Installed(1, API, "io.cellgate.api", SNAPSHOT), newer, plugin));
    }

    @Test
    void versionsCompareAsVersionsNotAsText() {
        Installed same = new Installed(43, "file:/tmp/api.jar", "io.cellgate.api", new Version(0, 1, 0, "SNAPSHOT"));
        List<Removal> removals = CachePlan.plan(List.of(API), Set.of(), l -> new Identity("io.cellgate.api",
                Version.parseVersion("0.1.0.SNAPSHOT")), List.of(same));
        assertEquals(1, removals.size());
        removals = CachePlan.plan(List.of("jar/asm-9.6.jar"), Set.of(), l -> new Identity("org.objectweb.asm",
                Version.parseVersion("9.6")), List.of(new Installed(9, "file:/tmp/asm.jar", "org.objectweb.asm",
                        Version.parseVersion("9.6.0"))));
        assertEquals(1, removals.size(), "9.6 and 9.6.0 are one version");
    }

    @Test
    void aBuiltInOfAnEarlierGatewayJarIsUninstalledQuietly() {
        Installed old = new Installed(4, "jar/io.cellgate.balancer.ek-0.0.9.jar", "io.cellgate.balancer.ek",
                Version.parseVersion("0.0.9"));
        List<Removal> removals = plan(new Installed(1, API, "io.cellgate.api", SNAPSHOT), old);
        assertEquals(1, removals.size());
        assertEquals(old, removals.get(0).bundle());
        assertFalse(removals.get(0).warning(), "an upgrade is no operator error");
        assertEquals("io.cellgate.balancer.ek 0.0.9 (bundle 4) uninstalled: it came inside an earlier gateway.jar, "
                + "not this one", removals.get(0).reason());
    }

    @Test
    void anEarlierBuiltInUpdatedToTheNewVersionGoesBeforeItCanCollideWithItsSuccessor() {
        // cellgate:update put 0.1.0.SNAPSHOT into the old location; the new jar brings that version at a new location
        Installed updatedInPlace = new Installed(4, "jar/io.cellgate.balancer.ek-0.0.9.jar", "io.cellgate.balancer.ek",
                SNAPSHOT);
        List<Removal> removals = plan(new Installed(1, API, "io.cellgate.api", SNAPSHOT), updatedInPlace);
        assertEquals(List.of(updatedInPlace), removals.stream().map(Removal::bundle).toList());
    }

    @Test
    void aBuiltInWhoseManifestCannotBeReadRemovesNothing() {
        Installed copy = new Installed(43, "file:/tmp/ek.jar", "io.cellgate.balancer.ek", SNAPSHOT);
        assertEquals(List.of(), CachePlan.plan(List.of(EK), Set.of(), l -> null, List.of(copy)));
    }

    @Test
    void aBuiltInUpdatedInPlaceToAnotherVersionGoesSoThatTheLauncherInstallsItAfresh() {
        Installed updated = new Installed(4, EK, "io.cellgate.balancer.ek", Version.parseVersion("0.2.0"));
        List<Removal> removals = plan(new Installed(2, API, "io.cellgate.api", SNAPSHOT), updated);
        assertEquals(List.of(updated), removals.stream().map(Removal::bundle).toList());
        assertTrue(removals.get(0).warning());
        assertEquals("io.cellgate.balancer.ek 0.2.0 (bundle 4) uninstalled: an update had put it in place of " + EK
                + ", and every start puts gateway.jar's own bundles back. To change a built-in bundle for good, build "
                + "a gateway.jar with it", removals.get(0).reason());
        // the same version rebuilt is the launcher's to update: its start level is found by name and version
        assertEquals(List.of(), plan(new Installed(2, API, "io.cellgate.api", SNAPSHOT),
                new Installed(4, EK, "io.cellgate.balancer.ek", SNAPSHOT)));
        // without the jar's list nothing is known to differ
        assertEquals(List.of(), CachePlan.plan(List.of(EK), Set.of(), identityOf, List.of(updated)));
    }

    @Test
    void theJarsNamesAndVersionsAreReadFromTheLaunchersAttributes() {
        Set<Identity> ids = CachePlan.identities("com.google.gson;version=\"2.15.0\";startlevel=3,"
                + "io.cellgate.api;version=\"0.1.0.SNAPSHOT\";startlevel=4,org.objectweb.asm;version=\"9.6\";"
                + "startlevel=6,org.example.twice~;version=\"1.0\"");
        assertEquals(Set.of(new Identity("com.google.gson", Version.parseVersion("2.15.0")),
                new Identity("io.cellgate.api", SNAPSHOT), new Identity("org.objectweb.asm", new Version(9, 6, 0)),
                new Identity("org.example.twice", new Version(1, 0, 0))), ids);
        assertEquals(Set.of(), CachePlan.identities(null));
        assertEquals(Set.of(), CachePlan.identities("a;version=\"not a version\""), "say nothing rather than guess");
    }
}
