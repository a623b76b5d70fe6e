package io.cellgate.itests;

import static org.junit.Assert.assertEquals;

import io.cellgate.api.pack.PackHealth;
import io.cellgate.api.runtime.Pack;
import io.cellgate.api.runtime.PackProperties;
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
 * How a pack finds its drivers and is found itself: its driver targets follow its pack id unless given, and its
 * Pack service carries the id as {@code cellgate.pack}.
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
        org.osgi.service.cm.Configuration c = configAdmin().getFactoryConfiguration(PackProperties.FACTORY_PID,
                unique("wire-b"), "?");
        c.update(new java.util.Hashtable<>(Map.of(PackProperties.PACK_ID, "wire-b", PackProperties.CELLS, 8,
                PackProperties.CHEMISTRY, "LFP", PackProperties.TICK_MS, 20L)));

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
    public void anExplicitSourceTargetOverridesTheDefault() throws Exception {
        org.osgi.service.cm.Configuration own = simulation("wire-c", 8, "NCM", Map.of());
        org.osgi.service.cm.Configuration other = simulation("wire-d", 8, "NCM", Map.of());
        Dictionary<String, Object> p = packProperties("wire-c", 8, "NCM", "(cellgate.model=EK-L20S1A)", 20);
        p.put(PackProperties.SOURCE_TARGET, "(cellgate.pack=wire-d)");
        org.osgi.service.cm.Configuration c = configAdmin().getFactoryConfiguration(PackProperties.FACTORY_PID,
                unique("wire-c"), "?");
        c.update(p);

        await("the source of wire-c to be wire-d's", () -> boundTo("wire-c", "source").equals(List.of("wire-d")),
                () -> "bound to " + boundTo("wire-c", "source"));
        for (String driver : List.of("outputs", "indicators")) {
            await(driver + " of wire-c to stay its own", () -> boundTo("wire-c", driver).equals(List.of("wire-c")),
                    () -> "bound to " + boundTo("wire-c", driver));
        }
        deleteAll(c, own, other);
    }

    private Collection<ServiceReference<Pack>> packsFilteredBy(String filter) {
        try {
            return context().getServiceReferences(Pack.class, filter);
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
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

    private static void deleteAll(org.osgi.service.cm.Configuration... configs) throws Exception {
        for (org.osgi.service.cm.Configuration c : configs) {
            c.delete();
        }
    }
}
