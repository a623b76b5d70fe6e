package io.cellgate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import io.cellgate.api.balancer.BalancerModel;
import io.cellgate.api.pack.PackHealth;
import io.cellgate.api.runtime.Pack;
import java.io.File;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The board plugins beside the EK-L20S1A: the passive bleed board and the 1.2 A adjacent equalizer register with the
 * gateway and run packs; and a plugin generated from the board archetype (bundles/archetype) installs into the
 * running gateway from its jar, registers its model, runs a pack, and leaves it fail-safe when uninstalled.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BoardPluginsIT extends GatewaySupport {

    /** What bundles/archetype/src/test/resources/projects/gateway-board/archetype.properties generates. */
    private static final String GENERATED_MODEL = "EXAMPLE-4S";

    private List<String> models() throws Exception {
        return context().getServiceReferences(BalancerModel.class, null).stream()
                .map(r -> r.getProperty(BalancerModel.MODEL) + "/" + r.getProperty(BalancerModel.VARIANT))
                .sorted().collect(Collectors.toList());
    }

    @Test
    public void theBundledBoardModelsRegister() throws Exception {
        await("the board models", () -> {
            try {
                return models().containsAll(List.of("AEQ-1.2A/listing", "PASSIVE-BLEED/foxbms",
                        "PASSIVE-BLEED/libresolar", "EK-L20S1A/datasheet"));
            } catch (Exception e) {
                return false;
            }
        });
    }

    @Test
    public void aPackRunsOnTheAdjacentEqualizer() throws Exception {
        runsOn("it-aeq", 8, "NCM", "(cellgate.model=AEQ-1.2A)", "AEQ-1.2A/listing");
    }

    @Test
    public void aPackRunsOnThePassiveBoard() throws Exception {
        runsOn("it-bleed", 8, "LFP", "(&(cellgate.model=PASSIVE-BLEED)(cellgate.variant=libresolar))",
                "PASSIVE-BLEED/libresolar");
    }

    @Test
    public void aGeneratedBoardPluginInstallsRegistersAndRunsAPack() throws Exception {
        String path = System.getProperty("generated.board.jar", "");
        File jar = new File(path);
        assumeTrue("no generated board plugin at '" + path + "': bundles/archetype builds it (mvn verify from the "
                + "repository root)", jar.isFile());
        Bundle plugin = context().installBundle(jar.toURI().toString());
        plugin.start();
        await(GENERATED_MODEL + " to register", () -> reference(GENERATED_MODEL) != null);
        ServiceReference<BalancerModel> ref = reference(GENERATED_MODEL);
        assertEquals("Example", ref.getProperty(BalancerModel.VENDOR));
        assertEquals("datasheet", ref.getProperty(BalancerModel.VARIANT));
        assertEquals(plugin, ref.getBundle());
        assertImportsTheApiFromItsBuildVersionToTheNextMajor(plugin);

        org.osgi.service.cm.Configuration[] configs = simulatedPack("it-gen", 4, "LFP",
                "(cellgate.model=" + GENERATED_MODEL + ")", 20);
        Pack pack = awaitPack("it-gen");
        await("ticks on the generated board", () -> pack.latest() != null
                && pack.latest().health().decidedByBalancer() && pack.stats().ticks() >= 5,
                () -> pack.latest() == null ? "no tick" : pack.latest().health() + " " + pack.latest().model());
        assertEquals(GENERATED_MODEL + "/datasheet", pack.latest().model());
        assertEquals("the skeleton balances nothing", 0, pack.latest().balancingPairs());

        plugin.uninstall();
        await("the pack to lose its balancer", () -> pack.latest().health() == PackHealth.NO_BALANCER);
        assertTrue(reference(GENERATED_MODEL) == null);
        for (org.osgi.service.cm.Configuration c : configs) {
            c.delete();
        }
    }

    /** What docs/adding-a-board.md signs off: each API package from the version built against, below the next major. */
    private static void assertImportsTheApiFromItsBuildVersionToTheNextMajor(Bundle plugin) {
        String imports = plugin.getHeaders().get(Constants.IMPORT_PACKAGE);
        int apiPackages = 0;
        for (BundleWire w : plugin.adapt(BundleWiring.class).getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE)) {
            String pkg = (String) w.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE);
            if (pkg.startsWith("io.cellgate.api")) {
                Version v = (Version) w.getCapability().getAttributes()
                        .get(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE);
                String range = pkg + ";version=\"[" + v.getMajor() + "." + v.getMinor() + "," + (v.getMajor() + 1)
                        + ")\"";
                assertTrue(range + " in " + imports, imports.contains(range));
                apiPackages++;
            }
        }
        assertTrue(imports, apiPackages > 0);
    }

    private ServiceReference<BalancerModel> reference(String model) {
        try {
            var refs = context().getServiceReferences(BalancerModel.class, "(" + BalancerModel.MODEL + "=" + model
                    + ")");
            return refs.isEmpty() ? null : refs.iterator().next();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void runsOn(String id, int cells, String chemistry, String target, String model) throws Exception {
        org.osgi.service.cm.Configuration[] configs = simulatedPack(id, cells, chemistry, target, 20);
        Pack pack = awaitPack(id);
        await(id + " to tick on " + model, () -> pack.latest() != null && pack.latest().health().decidedByBalancer()
                && model.equals(pack.latest().model()) && pack.stats().ticks() >= 5,
                () -> pack.latest() == null ? "no tick" : pack.latest().health() + " " + pack.latest().model());
        for (org.osgi.service.cm.Configuration c : configs) {
            c.delete();
        }
        await(id + " to stop", () -> pack(id) == null);
    }
}
