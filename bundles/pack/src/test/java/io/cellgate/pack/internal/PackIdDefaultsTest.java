package io.cellgate.pack.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
