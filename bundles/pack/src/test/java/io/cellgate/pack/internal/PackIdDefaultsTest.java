package io.cellgate.pack.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.cellgate.api.runtime.PackProperties;
import java.util.Dictionary;
import java.util.Hashtable;
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
}
