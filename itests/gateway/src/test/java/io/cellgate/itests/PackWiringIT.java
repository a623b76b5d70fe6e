package io.cellgate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.pack.PackHealth;
import io.cellgate.api.runtime.Pack;
import io.cellgate.api.runtime.PackProperties;
import io.cellgate.api.telemetry.PackListener;
import io.cellgate.api.telemetry.PackState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.SatisfiedReferenceDTO;

/**
 * How a pack finds its drivers and is found itself: its driver targets follow its pack id, an explicit one only
 * narrows among the pack's own drivers, one pack id has one controller, and its Pack service carries the id as
 * {@code cellgate.pack}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PackWiringIT extends GatewaySupport {

    private static final List<String> DRIVERS = List.of("source", "outputs", "indicators");

    @Test
    public void thePackServiceIsFoundByItsCellgatePackProperty() throws Exception {
        org.osgi.service.cm.Configuration[] configs = simulatedPack("wire-a", 8, "NCM",
                "(cellgate.model=EK-L20S1A)", 20);
        await("pack wire-a to run", () -> !packsFilteredBy("(cellgate.pack=wire-a)").isEmpty());
        Collection<ServiceReference<Pack>> refs = packsFilteredBy("(cellgate.pack=wire-a)");
        assertEquals(1, refs.size());
        Pack pack = context().getService(refs.iterator().next());
        assertEquals("wire-a", pack.description().id());
        deleteAll(configs);
    }

    @Test
    public void aPackConfiguredByItsIdAloneRunsOnItsOwnDriversNotPack1s() throws Exception {
        org.osgi.service.cm.Configuration pack1 = simulation("pack1", 20, "NCM", Map.of());
        org.osgi.service.cm.Configuration own = simulation("wire-b", 8, "LFP", Map.of());
        // Only the id and what the pack is: every target left out, the balancer too.
        org.osgi.service.cm.Configuration c = pack("wire-b", new java.util.Hashtable<>(Map.of(PackProperties.PACK_ID,
                "wire-b", PackProperties.CELLS, 8, PackProperties.CHEMISTRY, "LFP", PackProperties.TICK_MS, 20L)));

        for (String driver : DRIVERS) {
            await(driver + " of wire-b to bind its own driver",
                    () -> boundTo("wire-b", driver).equals(List.of("wire-b")),
                    () -> "bound to " + boundTo("wire-b", driver));
        }
        Pack pack = awaitPack("wire-b");
        await("a healthy tick on the 8 cells of wire-b", () -> pack.latest() != null
                && pack.latest().health().decidedByBalancer(), () -> "health " + (pack.latest() == null ? "none"
                        : pack.latest().health() + " " + pack.faults()));
        deleteAll(c, own, pack1);
    }

    @Test
    public void anExplicitSourceTargetOnlyNarrowsAmongThePacksOwnDrivers() throws Exception {
        // any pack's source, it says
        org.osgi.service.cm.Configuration[] all = packBesideAnother("wire-c", "wire-d", PackProperties.SOURCE_TARGET,
                "(cellgate.pack=*)");

        for (String driver : DRIVERS) {
            await(driver + " of wire-c to be its own", () -> boundTo("wire-c", driver).equals(List.of("wire-c")),
                    () -> "bound to " + boundTo("wire-c", driver));
        }
        deleteAll(all);
    }

    @Test
    public void aTargetChoosingAnotherPacksDriverIsRefusedAndDrivesNothing() throws Exception {
        org.osgi.service.cm.Configuration[] all = packBesideAnother("wire-g", "wire-h", PackProperties.OUTPUTS_TARGET,
                "(cellgate.pack=wire-h)");

        await("the refusal, saying what to write", () -> logged("outputs.target=(cellgate.pack=wire-h) chooses the "
                + "drivers of pack wire-h, and pack wire-g uses only its own: leave outputs.target out for "
                + "(cellgate.pack=wire-g), or narrow among them"));
        assertEquals("no controller runs on it", List.of(), controllers("wire-g", ComponentConfigurationDTO.ACTIVE));
        assertEquals(null, pack("wire-g"));
        deleteAll(all);
    }

    @Test
    public void aSecondConfigurationOfATakenPackIdIsRefusedAndTakesOverOnceTheIdIsFree() throws Exception {
        org.osgi.service.cm.Configuration sim = simulation("wire-e", 20, "NCM", Map.of());
        org.osgi.service.cm.Configuration first = pack("wire-e", 20, "NCM",
                "(&(cellgate.model=EK-L20S1A)(cellgate.variant=datasheet))", 20);
        Pack running = awaitPack("wire-e");
        await("the first to decide", () -> running.latest() != null && "EK-L20S1A/datasheet".equals(
                running.latest().model()));
        org.osgi.service.cm.Configuration second = pack("wire-e", 20, "NCM",
                "(cellgate.model=AEQ-1.2A)", 20);

        await("the refusal naming both configurations", () -> logged("pack.id=wire-e of configuration "
                + second.getPid() + " (made in Config Admin) is taken by configuration " + first.getPid()
                + " (made in Config Admin): give one of them another pack.id"));
        assertEquals("one Pack service", 1, packsFilteredBy("(cellgate.pack=wire-e)").size());
        long ticks = running.stats().ticks();
        Thread.sleep(300);
        assertTrue("the first goes on", running.stats().ticks() > ticks);
        assertEquals("with its own model", "EK-L20S1A/datasheet", running.latest().model());
        // A controller's first tick logs the model it decides with: the second has none.
        assertTrue("the second never ticked", !logged("wire-e: balancer none -> AEQ-1.2A/listing"));

        // A third copy, removed again: the pack it never ran is not announced gone (exporters would clear wire-e).
        List<String> removed = new java.util.concurrent.CopyOnWriteArrayList<>();
        org.osgi.framework.ServiceRegistration<PackListener> listening = context().registerService(
                PackListener.class, new PackListener() {
                    @Override
                    public void onTick(PackState state) {
                    }

                    @Override
                    public void onPackRemoved(PackDescription pack) {
                        removed.add(pack.id());
                    }
                }, null);
        org.osgi.service.cm.Configuration third = pack("wire-e", 20, "NCM", "(cellgate.model=AEQ-1.2A)", 20);
        await("the third's refusal", () -> logged("pack.id=wire-e of configuration " + third.getPid()));
        third.delete();
        Thread.sleep(300);
        assertEquals("no removal heard", List.of(), removed);
        assertEquals("the first still runs", "EK-L20S1A/datasheet", pack("wire-e").latest().model());

        first.delete();
        await("the second to run once the id is free", () -> { // one look: the service changes hands meanwhile
            Pack now = pack("wire-e");
            return now != null && now.latest() != null && "AEQ-1.2A/listing".equals(now.latest().model());
        });
        assertEquals(1, packsFilteredBy("(cellgate.pack=wire-e)").size());
        listening.unregister();
        deleteAll(second, sim);
    }

    @Test
    public void aRunningPackGivenATakenIdStopsAndRunsAgainWithItsOwn() throws Exception {
        org.osgi.service.cm.Configuration[] i = simulatedPack("wire-i", 8, "NCM", "(cellgate.model=EK-L20S1A)", 20);
        org.osgi.service.cm.Configuration[] j = simulatedPack("wire-j", 8, "NCM", "(cellgate.model=EK-L20S1A)", 20);
        Pack holder = awaitPack("wire-i");
        awaitPack("wire-j");

        Dictionary<String, Object> taken = j[1].getProperties();
        taken.put(PackProperties.PACK_ID, "wire-i");
        j[1].update(taken);
        await("the refusal", () -> logged("pack.id=wire-i of configuration " + j[1].getPid()
                + " (made in Config Admin) is taken by configuration " + i[1].getPid()));
        await("wire-j's Pack service to go", () -> pack("wire-j") == null);
        assertEquals("wire-i keeps one Pack service, its own", List.of(holder), packsFilteredBy(
                "(cellgate.pack=wire-i)").stream().map(r -> context().getService(r)).collect(Collectors.toList()));
        long ticks = holder.stats().ticks();
        Thread.sleep(200);
        assertTrue("wire-i ticks on", holder.stats().ticks() > ticks);

        Dictionary<String, Object> own = j[1].getProperties();
        own.put(PackProperties.PACK_ID, "wire-j");
        j[1].update(own);
        Pack back = awaitPack("wire-j");
        await("wire-j to decide on its own drivers again", () -> back.latest() != null
                && back.latest().health().decidedByBalancer());
        deleteAll(j[1], j[0], i[1], i[0]);
    }

    @Test
    public void twoFilesWithOnePackIdAreNamedBothInTheRefusal() throws Exception {
        Path dir = Path.of(context().getProperty("felix.fileinstall.dir"));
        Path sim = dir.resolve("io.cellgate.sim.pack-wire-f.cfg");
        Path a = dir.resolve("io.cellgate.pack-wire-f.cfg");
        Path b = dir.resolve("io.cellgate.pack-wire-f-copy.cfg");
        Files.writeString(sim, "cellgate.pack=wire-f\ncells=8\nchemistry=NCM\n");
        Files.writeString(a, "pack.id=wire-f\ncells=8\ntick.ms=20\n");
        try {
            awaitPack("wire-f");
            Files.writeString(b, "pack.id=wire-f\ncells=8\ntick.ms=20\n");
            await("the refusal naming both files", () -> logged("pack.id=wire-f of io.cellgate.pack-wire-f-copy.cfg "
                    + "is taken by io.cellgate.pack-wire-f.cfg: give one of them another pack.id"));
            assertEquals(1, packsFilteredBy("(cellgate.pack=wire-f)").size());
        } finally {
            Files.deleteIfExists(b);
            Files.deleteIfExists(a);
            Files.deleteIfExists(sim);
            await("wire-f to go", () -> pack("wire-f") == null);
        }
    }

    private Collection<ServiceReference<Pack>> packsFilteredBy(String filter) {
        try {
            return context().getServiceReferences(Pack.class, filter);
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The PIDs of the controller configurations of pack {@code packId} in {@code state}. */
    private List<String> controllers(String packId, int state) {
        ServiceComponentRuntime scr = context().getService(context().getServiceReference(
                ServiceComponentRuntime.class));
        ComponentDescriptionDTO controller = scr.getComponentDescriptionDTOs().stream()
                .filter(d -> d.name.equals("io.cellgate.pack.internal.PackController")).findFirst().orElseThrow();
        return scr.getComponentConfigurationDTOs(controller).stream()
                .filter(cc -> packId.equals(cc.properties.get(PackProperties.PACK_ID)) && cc.state == state)
                .map(cc -> String.valueOf(cc.properties.get(org.osgi.framework.Constants.SERVICE_PID)))
                .collect(Collectors.toList());
    }

    /** The {@code cellgate.pack} of every service bound to {@code reference} of the controller of {@code packId}. */
    private List<String> boundTo(String packId, String reference) {
        ServiceComponentRuntime scr = context().getService(context().getServiceReference(
                ServiceComponentRuntime.class));
        ComponentDescriptionDTO controller = scr.getComponentDescriptionDTOs().stream()
                .filter(d -> d.name.equals("io.cellgate.pack.internal.PackController")).findFirst().orElseThrow();
        Optional<SatisfiedReferenceDTO> bound = scr.getComponentConfigurationDTOs(controller).stream()
                .filter(cc -> packId.equals(cc.properties.get(PackProperties.PACK_ID)))
                .filter(cc -> cc.state == ComponentConfigurationDTO.ACTIVE)
                .flatMap(cc -> Arrays.stream(cc.satisfiedReferences))
                .filter(r -> r.name.equals(reference)).findFirst();
        return bound.map(r -> Arrays.stream(r.boundServices)
                .map(s -> String.valueOf(s.properties.get(PackProperties.PACK))).collect(Collectors.toList()))
                .orElse(List.of());
    }

    /**
     * Pack {@code id} (8 NCM cells on the EK-L20S1A) beside a simulated pack {@code otherId}, each with its simulated
     * drivers, the pack's {@code targetProperty} set to {@code target}: the pack's configuration first.
     */
    private org.osgi.service.cm.Configuration[] packBesideAnother(String id, String otherId, String targetProperty,
            String target) throws Exception {
        org.osgi.service.cm.Configuration own = simulation(id, 8, "NCM", Map.of());
        org.osgi.service.cm.Configuration other = simulation(otherId, 8, "NCM", Map.of());
        Dictionary<String, Object> p = packProperties(id, 8, "NCM", "(cellgate.model=EK-L20S1A)", 20);
        p.put(targetProperty, target);
        return new org.osgi.service.cm.Configuration[] {pack(id, p), own, other};
    }

    private static void deleteAll(org.osgi.service.cm.Configuration... configs) throws Exception {
        for (org.osgi.service.cm.Configuration c : configs) {
            c.delete();
        }
    }
}
