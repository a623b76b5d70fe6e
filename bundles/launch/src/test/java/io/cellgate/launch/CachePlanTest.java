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
        return CachePlan.plan(List.of(API, EK), identityOf, List.of(installed));
    }

    @Test
    public void aCacheHoldingExactlyTheBuiltInsIsLeftAloneAndNoManifestIsRead() {
        assertEquals(List.of(), plan(new Installed(1, API, "io.cellgate.api", SNAPSHOT),
                new Installed(2, EK, "io.cellgate.balancer.ek", SNAPSHOT)));
        assertEquals(List.of(), read);
    }

    @Test
    public void theFirstStartReadsNothing() {
        assertEquals(List.of(), plan());
        assertEquals(List.of(), read, "an empty cache has nothing a built-in could collide with");
    }

    @Test
    public void anOperatorCopyOfAnUninstalledBuiltInGoesSoThatTheBuiltInComesBack() {
        Installed copy = new Installed(43, "file:/tmp/ek.jar", "io.cellgate.balancer.ek", SNAPSHOT);
        List<Removal> removals = plan(new Installed(1, API, "io.cellgate.api", SNAPSHOT), copy);
        assertEquals(1, removals.size());
        Removal r = removals.get(0);
        assertEquals(copy, r.bundle());
        assertTrue(r.warning());
        assertEquals("io.cellgate.balancer.ek 0.1.0.SNAPSHOT from file:/tmp/ek.jar (bundle 43) uninstalled: "
                + "gateway.jar has its own bundle of that name and version and puts it back at every start. To run "
                + "another build of a built-in bundle, replace it in place with cellgate:update <id> <jar>, which "
                + "lasts across restarts", r.reason());
        assertEquals(List.of(EK), read, "only the missing built-in's manifest is read");
    }

    @Test
    public void aPluginOfAnotherNameOrVersionStays() {
        Installed newer = new Installed(43, "file:/tmp/ek-2.jar", "io.cellgate.balancer.ek", Version.parseVersion("2"));
        Installed plugin = new Installed(44, "file:/srv/deploy/board.jar", "com.example.board", SNAPSHOT);
        assertEquals(List.of(), plan(new Installed(1, API, "io.cellgate.api", SNAPSHOT), newer, plugin));
    }

    @Test
    public void versionsCompareAsVersionsNotAsText() {
        Installed same = new Installed(43, "file:/tmp/api.jar", "io.cellgate.api", Version.parseVersion("0.1.0.SNAPSHOT"));
        List<Removal> removals = CachePlan.plan(List.of(API), l -> new Identity("io.cellgate.api",
                Version.parseVersion("0.1.0.SNAPSHOT")), List.of(same));
        assertEquals(1, removals.size());
        removals = CachePlan.plan(List.of("jar/asm-9.6.jar"), l -> new Identity("org.objectweb.asm",
                Version.parseVersion("9.6")), List.of(new Installed(9, "file:/tmp/asm.jar", "org.objectweb.asm",
                        Version.parseVersion("9.6.0"))));
        assertEquals(1, removals.size(), "9.6 and 9.6.0 are one version");
    }

    @Test
    public void aBuiltInOfAnEarlierGatewayJarIsUninstalledQuietly() {
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
    public void anEarlierBuiltInUpdatedToTheNewVersionGoesBeforeItCanCollideWithItsSuccessor() {
        // cellgate:update put 0.1.0.SNAPSHOT into the old location; the new jar brings that version at a new location
        Installed updatedInPlace = new Installed(4, "jar/io.cellgate.balancer.ek-0.0.9.jar", "io.cellgate.balancer.ek",
                SNAPSHOT);
        List<Removal> removals = plan(new Installed(1, API, "io.cellgate.api", SNAPSHOT), updatedInPlace);
        assertEquals(List.of(updatedInPlace), removals.stream().map(Removal::bundle).toList());
    }

    @Test
    public void aBuiltInWhoseManifestCannotBeReadRemovesNothing() {
        Installed copy = new Installed(43, "file:/tmp/ek.jar", "io.cellgate.balancer.ek", SNAPSHOT);
        assertEquals(List.of(), CachePlan.plan(List.of(EK), l -> null, List.of(copy)));
    }
}
