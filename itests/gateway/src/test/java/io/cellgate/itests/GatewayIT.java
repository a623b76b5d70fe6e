package io.cellgate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.cellgate.api.balancer.BalancerModel;
import io.cellgate.api.pack.PackHealth;
import io.cellgate.api.runtime.Pack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/** The gateway's bundle set in a real Felix: it resolves, runs packs by configuration, and refuses bad ones. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class GatewayIT extends GatewaySupport {

    @Test
    public void everyBundleIsActiveAndEveryComponentSatisfied() throws Exception {
        for (Bundle b : context().getBundles()) {
            boolean fragment = (b.adapt(BundleRevision.class).getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
            if (!fragment) {
                assertEquals(b.getSymbolicName() + " is not active", Bundle.ACTIVE, b.getState());
            }
        }
        ServiceComponentRuntime scr = context().getService(context().getServiceReference(ServiceComponentRuntime.class));
        await("components to settle", () -> scr.getComponentDescriptionDTOs().stream()
                .filter(d -> d.bundle.symbolicName.startsWith("io.cellgate"))
                .flatMap(d -> scr.getComponentConfigurationDTOs(d).stream())
                .allMatch(c -> c.state == ComponentConfigurationDTO.ACTIVE
                        || c.state == ComponentConfigurationDTO.SATISFIED),
                () -> scr.getComponentDescriptionDTOs().stream()
                        .flatMap(d -> scr.getComponentConfigurationDTOs(d).stream())
                        .filter(c -> c.state != ComponentConfigurationDTO.ACTIVE
                                && c.state != ComponentConfigurationDTO.SATISFIED)
                        .map(c -> c.description.name + " " + c.properties.get("pack.id") + " state " + c.state)
                        .collect(Collectors.joining("; ")));
        List<String> models = context().getServiceReferences(BalancerModel.class, null).stream()
                .map(r -> r.getProperty(BalancerModel.MODEL) + "/" + r.getProperty(BalancerModel.VARIANT))
                .collect(Collectors.toList());
        assertTrue("EK-L20S1A datasheet model registered: " + models, models.contains("EK-L20S1A/datasheet"));
    }

    @Test
    public void aPackConfigurationStartsATickingPackAndDeletingItStopsIt() throws Exception {
        org.osgi.service.cm.Configuration[] configs = simulatedPack("it-run", 20, "NCM", EK_DATASHEET, 20);
        Pack pack = awaitPack("it-run");
        await("10 ticks", () -> pack.stats().ticks() >= 10);
        assertEquals(PackHealth.OK, pack.latest().health());
        assertEquals("EK-L20S1A/datasheet", pack.latest().model());
        assertEquals(20, pack.latest().cells());

        for (org.osgi.service.cm.Configuration c : configs) {
            c.delete();
        }
        await("pack it-run to stop", () -> pack("it-run") == null);
        long ticks = pack.stats().ticks();
        Thread.sleep(200);
        assertEquals("a deleted pack ticks no more", ticks, pack.stats().ticks());
    }

    @Test
    public void filesInTheWatchedFolderAddReconfigureAndRemovePacks() throws Exception {
        PackFiles files = writePackFiles("", "it-file", 6, "LFP", 20, "(cellgate.model=EK-L20S1A)");
        Path packFile = files.pack();
        Pack pack = awaitPack("it-file");
        await("a healthy tick", () -> pack.latest() != null && pack.latest().health().decidedByBalancer());
        assertEquals(20_000_000L, pack.stats().periodNanos());

        Files.writeString(packFile, Files.readString(packFile).replace("tick.ms=20", "tick.ms=50"));
        await("the edit to reach the running pack", () -> pack.stats().periodNanos() == 50_000_000L);
        assertEquals("the same controller, reconfigured", pack, pack("it-file"));

        Files.delete(packFile);
        Files.delete(files.sim());
        await("the pack to go", () -> pack("it-file") == null);
    }

    @Test
    public void badConfigurationsAreRefusedWithAClearMessage() throws Exception {
        Map<String, Object[]> bad = Map.of(
                "cells=1 is out of range", new Object[] {"cells", 1},
                "cells=99 is out of range", new Object[] {"cells", 99},
                "unknown chemistry 'XYZ'", new Object[] {"chemistry", "XYZ"},
                "tick.ms=0 is out of range", new Object[] {"tick.ms", 0L});
        ServiceComponentRuntime scr = context().getService(context().getServiceReference(ServiceComponentRuntime.class));
        ComponentDescriptionDTO controller = scr.getComponentDescriptionDTOs().stream()
                .filter(d -> d.name.equals("io.cellgate.pack.internal.PackController")).findFirst().orElseThrow();
        int n = 0;
        for (Map.Entry<String, Object[]> e : bad.entrySet()) {
            String id = "it-bad-" + n++;
            Dictionary<String, Object> props = packProperties(id, 20, "NCM", "(cellgate.model=EK-L20S1A)", 100);
            props.put((String) e.getValue()[0], e.getValue()[1]);
            org.osgi.service.cm.Configuration c = configAdmin().getFactoryConfiguration("io.cellgate.pack", id, "?");
            c.update(props);
            await("the refusal of " + e.getKey(), () -> scr.getComponentConfigurationDTOs(controller).stream()
                    .anyMatch(cc -> id.equals(cc.properties.get("pack.id"))
                            // refused before SCR activates it: unsatisfied, never failing again at each listing
                            && cc.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE
                            && String.valueOf(cc.properties.get("cellgate.refused")).contains(e.getKey()))
                            && logged("pack " + id + ": configuration refused: " + e.getKey()),
                    () -> scr.getComponentConfigurationDTOs(controller).stream()
                            .filter(cc -> id.equals(cc.properties.get("pack.id")))
                            .map(cc -> "state " + cc.state + ": " + cc.failure).collect(Collectors.joining("; ")));
            assertNull("no pack runs for " + e.getKey(), pack(id));
            c.delete();
            await("the refused " + id + " to be disposed", () -> scr.getComponentConfigurationDTOs(controller)
                    .stream().noneMatch(cc -> id.equals(cc.properties.get("pack.id"))));
        }
    }

    @Test
    public void aRunningPackKeepsItsConfigurationWhenAnUpdateIsBad() throws Exception {
        org.osgi.service.cm.Configuration c = pack("it-keep", 8, "NCM", "(cellgate.model=EK-L20S1A)", 20);
        Pack pack = awaitPack("it-keep");
        await("5 ticks", () -> pack.stats().ticks() >= 5);
        Dictionary<String, Object> props = c.getProperties();
        props.put("cells", 99);
        c.update(props);
        long before = pack.stats().ticks();
        await("ticks to go on", () -> pack.stats().ticks() >= before + 10);
        assertEquals(8, pack.description().cells());
        assertEquals(pack, pack("it-keep"));
        c.delete();
    }

    @Test
    public void aThrowingPluginDoesNotStopAnotherPack() throws Exception {
        // A plugin with a bug: its balancer throws on every reading.
        ServiceRegistration<BalancerModel> reg = registerModel("IT-THROWS", "always", (reading, out) -> {
            throw new IllegalStateException("a plugin bug");
        });
        try {
            org.osgi.service.cm.Configuration[] bad = simulatedPack("it-throws", 8, "NCM", "(cellgate.model=IT-THROWS)", 20);
            org.osgi.service.cm.Configuration[] good = simulatedPack("it-good", 8, "NCM", "(cellgate.model=EK-L20S1A)", 20);
            Pack throwing = awaitPack("it-throws");
            Pack healthy = awaitPack("it-good");
            await("both packs to tick 20 times",
                    () -> throwing.stats().ticks() >= 20 && healthy.stats().ticks() >= 20);
            assertEquals(PackHealth.BALANCER_FAILED, throwing.latest().health());
            assertTrue("fail-safe: nothing balances", throwing.latest().balancingPairs() == 0);
            assertTrue("a low-strings pack still balances", healthy.latest().health().decidedByBalancer());
            long before = throwing.stats().ticks();
            await("the throwing pack to keep ticking", () -> throwing.stats().ticks() >= before + 10);
            assertNotNull(throwing.faults().stream().filter(f -> f.message().contains("balancer failed"))
                    .findFirst().orElse(null));
            for (org.osgi.service.cm.Configuration c : concat(bad, good)) {
                c.delete();
            }
        } finally {
            reg.unregister();
        }
    }

    private static org.osgi.service.cm.Configuration[] concat(org.osgi.service.cm.Configuration[] a,
            org.osgi.service.cm.Configuration[] b) {
        org.osgi.service.cm.Configuration[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
