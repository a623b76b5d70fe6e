package io.cellgate.pack.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.config.RefusalGate;
import io.cellgate.api.runtime.PackProperties;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PackIdDefaultsTest {

    private static Dictionary<String, Object> config(String packId) {
        Dictionary<String, Object> p = new Hashtable<>();
        p.put(PackProperties.PACK_ID, packId);
        p.put(PackProperties.CELLS, 20);
        return p;
    }

    /** Pack pack3's configuration with {@code keyValues} set, completed as the runtime completes it. */
    private static Dictionary<String, Object> completed(String... keyValues) {
        return completedFor("pack3", keyValues);
    }

    /** Pack {@code packId}'s configuration with {@code keyValues} set, completed as the runtime completes it. */
    private static Dictionary<String, Object> completedFor(String packId, String... keyValues) {
        Dictionary<String, Object> p = config(packId);
        for (int i = 0; i < keyValues.length; i += 2) {
            p.put(keyValues[i], keyValues[i + 1]);
        }
        PackIdDefaults.complete(p);
        return p;
    }

    @Test
    void aPackWithOnlyItsIdGetsTheDriversOfThatId() {
        Dictionary<String, Object> p = completed();
        for (String target : PackIdDefaults.DRIVER_TARGETS) {
            assertEquals("(cellgate.pack=pack3)", p.get(target), target);
        }
    }

    @Test
    void anExplicitTargetOnlyNarrowsAmongThePacksOwnDrivers() {
        Dictionary<String, Object> p = completed(PackProperties.SOURCE_TARGET, "(adc=bench)");
        assertEquals("(&(cellgate.pack=pack3)(adc=bench))", p.get(PackProperties.SOURCE_TARGET));
        assertEquals("(cellgate.pack=pack3)", p.get(PackProperties.OUTPUTS_TARGET));
        assertEquals("(cellgate.pack=pack3)", p.get(PackProperties.INDICATORS_TARGET));
        PackIdDefaults.checkTargets(asMap(p));
    }

    @Test
    void aTargetNamingAnotherPackIsRefusedSayingHowToNarrow() {
        IllegalArgumentException e = refused(completedFor("pack2", PackProperties.OUTPUTS_TARGET,
                "(cellgate.pack=pack1)"));
        assertEquals("outputs.target=(cellgate.pack=pack1) chooses the drivers of pack pack1, and pack pack2 uses "
                + "only its own: leave outputs.target out for (cellgate.pack=pack2), or narrow among them, e.g. "
                + "(&(cellgate.pack=pack2)(name=value))", e.getMessage());
    }

    @Test
    void aTargetThatSaysAnyPackStillGetsOnlyItsOwn() {
        Dictionary<String, Object> p = completedFor("pack2", PackProperties.SOURCE_TARGET,
                "(|(cellgate.pack=*)(!(cellgate.pack=pack2)))");
        assertEquals("(&(cellgate.pack=pack2)(|(cellgate.pack=*)(!(cellgate.pack=pack2))))",
                p.get(PackProperties.SOURCE_TARGET));
        PackIdDefaults.checkTargets(asMap(p));
    }

    @Test
    void aTargetThatIsNoLdapFilterIsRefusedWithWhatToWrite() {
        IllegalArgumentException e = refused(completedFor("pack2", PackProperties.BALANCER_TARGET,
                "cellgate.model=EK-L20S1A"));
        assertTrue(e.getMessage().startsWith("balancer.target=cellgate.model=EK-L20S1A is not an LDAP filter"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("write one in parentheses, as (name=value) or "
                + "(&(name=value)(name=value))"), e.getMessage());
    }

    @Test
    void aTrailingBackslashIsNoFilter() {
        refused(completedFor("pack2", PackProperties.SOURCE_TARGET, "(cellgate.pack=pack2)\\"));
    }

    @Test
    void aBlankTargetCountsAsLeftOut() {
        assertEquals("(cellgate.pack=pack3)",
                completed(PackProperties.INDICATORS_TARGET, " ").get(PackProperties.INDICATORS_TARGET));
    }

    @Test
    void thePackServicePropertyIsAlwaysThePackId() {
        assertEquals("pack3", completed(PackProperties.PACK, "pack1").get(PackProperties.PACK));
    }

    @Test
    void derivedTargetsAreAccepted() {
        PackIdDefaults.checkTargets(asMap(completed()));
    }

    @Test
    void targetsNobodyDerivedAreRefusedWithTheLineToWrite() {
        Dictionary<String, Object> p = config("pack3");
        p.put(PackProperties.SOURCE_TARGET, "(cellgate.pack=pack3)");
        IllegalArgumentException e = refused(p);
        assertTrue(e.getMessage().startsWith("outputs.target, indicators.target missing"), e.getMessage());
        assertTrue(e.getMessage().endsWith("e.g. outputs.target=(cellgate.pack=pack3)"), e.getMessage());
    }

    @Test
    void aTargetNobodyNarrowedIsRefusedWithTheNarrowedOneToWrite() {
        Dictionary<String, Object> p = config("pack3");
        for (String t : PackIdDefaults.DRIVER_TARGETS) {
            p.put(t, "(cellgate.pack=pack3)");
        }
        p.put(PackProperties.INDICATORS_TARGET, "(leds=front)");
        IllegalArgumentException e = refused(p);
        assertTrue(e.getMessage().startsWith("indicators.target=(leds=front) is not narrowed to pack pack3's"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("write (&(cellgate.pack=pack3)(leds=front))"), e.getMessage());
    }

    @Test
    void withoutAPackIdNothingIsDerived() {
        Dictionary<String, Object> p = new Hashtable<>();
        p.put(PackProperties.CELLS, 20);
        PackIdDefaults.complete(p);
        assertNull(p.get(PackProperties.PACK));
        for (String target : PackIdDefaults.DRIVER_TARGETS) {
            assertNull(p.get(target), target);
        }
        assertEquals(1, p.size());
    }

    /** What {@code checkTargets} throws for {@code p}; fails the test when it accepts {@code p}. */
    private static IllegalArgumentException refused(Dictionary<String, Object> p) {
        return assertThrows(IllegalArgumentException.class, () -> PackIdDefaults.checkTargets(asMap(p)));
    }

    private static Map<String, Object> asMap(Dictionary<String, Object> d) {
        Map<String, Object> m = new HashMap<>();
        Collections.list(d.keys()).forEach(k -> m.put(k, d.get(k)));
        return m;
    }

    /** A pack configuration as FileInstall delivers it: text values, the file's URL, a PID. */
    private static Dictionary<String, Object> file(String packId, String property, String value) {
        Dictionary<String, Object> p = new Hashtable<>();
        p.put("service.pid", "io.cellgate.pack~" + packId);
        p.put(PackProperties.PACK_ID, packId);
        p.put(property, value);
        p.put(RefusalGate.FILE, "file:/opt/cellgate/config/io.cellgate.pack-" + packId + ".cfg");
        return p;
    }

    @Test
    void aRefusedPackIsLoggedOnceByPackPropertyValueAndRangeAndNeverActivated() {
        java.util.List<String> logged = new java.util.ArrayList<>();
        PackIdDefaults plugin = new PackIdDefaults(logged::add);
        for (int delivery = 0; delivery < 3; delivery++) { // SCR asks on every Prometheus scrape and listing
            Dictionary<String, Object> p = file("pack2", PackProperties.TICK_MS, "5");
            plugin.modifyConfiguration(null, p);
            assertEquals(RefusalGate.REFUSED_CONDITION, p.get(RefusalGate.CONDITION_TARGET));
        }
        assertEquals(java.util.List.of("pack pack2: configuration refused: tick.ms=5 is out of range: 10 to 60000 ms "
                + "(fix /opt/cellgate/config/io.cellgate.pack-pack2.cfg)"), logged);

        Dictionary<String, Object> p = file("pack2", PackProperties.CELLS, "abc");
        plugin.modifyConfiguration(null, p);
        assertEquals("pack pack2: configuration refused: cells=abc is not a whole number: write it as, e.g., "
                + "cells=20 (the default) (fix /opt/cellgate/config/io.cellgate.pack-pack2.cfg)", logged.get(1));
        assertEquals(logged.get(1), p.get(RefusalGate.REFUSED));
    }

    @Test
    void aRunningPackKeepsRunningOnItsGoodConfiguration() {
        java.util.List<String> logged = new java.util.ArrayList<>();
        PackIdDefaults plugin = new PackIdDefaults(logged::add);
        Dictionary<String, Object> good = file("pack2", PackProperties.TICK_MS, "200");
        plugin.modifyConfiguration(null, good);
        assertNull(good.get(RefusalGate.CONDITION_TARGET));
        assertNull(good.get(RefusalGate.REFUSED));

        Dictionary<String, Object> bad = file("pack2", PackProperties.TICK_MS, "5");
        plugin.modifyConfiguration(null, bad);
        assertEquals("200", bad.get(PackProperties.TICK_MS), "what the pack runs on");
        assertNull(bad.get(RefusalGate.CONDITION_TARGET));
        assertEquals(java.util.List.of("pack pack2: configuration refused, keeping the running one: tick.ms=5 is out "
                + "of range: 10 to 60000 ms (fix /opt/cellgate/config/io.cellgate.pack-pack2.cfg)"), logged);
    }
}
