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

    @Test
    void aPackWithOnlyItsIdGetsTheDriversOfThatId() {
        Dictionary<String, Object> p = config("pack3");
        PackIdDefaults.complete(p);
        for (String target : PackIdDefaults.DRIVER_TARGETS) {
            assertEquals("(cellgate.pack=pack3)", p.get(target), target);
        }
    }

    @Test
    void anExplicitTargetStaysAndTheOthersFollowTheId() {
        Dictionary<String, Object> p = config("pack3");
        p.put(PackProperties.SOURCE_TARGET, "(cellgate.pack=bench-adc)");
        PackIdDefaults.complete(p);
        assertEquals("(cellgate.pack=bench-adc)", p.get(PackProperties.SOURCE_TARGET));
        assertEquals("(cellgate.pack=pack3)", p.get(PackProperties.OUTPUTS_TARGET));
        assertEquals("(cellgate.pack=pack3)", p.get(PackProperties.INDICATORS_TARGET));
    }

    @Test
    void aBlankTargetCountsAsLeftOut() {
        Dictionary<String, Object> p = config("pack3");
        p.put(PackProperties.INDICATORS_TARGET, " ");
        PackIdDefaults.complete(p);
        assertEquals("(cellgate.pack=pack3)", p.get(PackProperties.INDICATORS_TARGET));
    }

    @Test
    void thePackServicePropertyIsAlwaysThePackId() {
        Dictionary<String, Object> p = config("pack3");
        p.put(PackProperties.PACK, "pack1");
        PackIdDefaults.complete(p);
        assertEquals("pack3", p.get(PackProperties.PACK));
    }

    @Test
    void derivedTargetsAreAccepted() {
        Dictionary<String, Object> p = config("pack3");
        PackIdDefaults.complete(p);
        PackIdDefaults.requireDriverTargets(asMap(p));
    }

    @Test
    void targetsNobodyDerivedAreRefusedWithTheLineToWrite() {
        Dictionary<String, Object> p = config("pack3");
        p.put(PackProperties.SOURCE_TARGET, "(cellgate.pack=bench-adc)");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PackIdDefaults.requireDriverTargets(asMap(p)));
        assertTrue(e.getMessage().startsWith("outputs.target, indicators.target missing"), e.getMessage());
        assertTrue(e.getMessage().endsWith("e.g. outputs.target=(cellgate.pack=pack3)"), e.getMessage());
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
