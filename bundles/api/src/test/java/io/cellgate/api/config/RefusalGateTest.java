package io.cellgate.api.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A refused configuration is logged once per change and never reaches its component")
class RefusalGateTest {

    private final List<String> logged = new ArrayList<>();
    private final RefusalGate gate = new RefusalGate("pack", "pack.id", p -> {
        int cells = ConfigurationValues.as(Cells.class, p).cells();
        if (cells < 2 || cells > 48) {
            throw new IllegalArgumentException("cells=" + cells + " is out of range: 2 to 48");
        }
    }, logged::add);

    @interface Cells {
        int cells() default 20;
    }

    private static Map<String, Object> file(String cells) {
        Map<String, Object> p = new HashMap<>();
        p.put("pack.id", "pack2");
        p.put("cells", cells);
        p.put(RefusalGate.FILE, "file:/opt/cellgate/config/io.cellgate.pack-pack2.cfg");
        return p;
    }

    @Test
    void aGoodConfigurationPassesUnchanged() {
        Map<String, Object> p = file("16");
        assertNull(gate.process("pid2", p));
        assertEquals(file("16"), p);
        assertEquals(List.of(), logged);
    }

    @Test
    void aBadNewConfigurationLeavesItsComponentUnsatisfiedAndIsLoggedOncePerChange() {
        String expected = "pack pack2: configuration refused: cells=abc is not a whole number: write it as, e.g., "
                + "cells=20 (the default) (fix /opt/cellgate/config/io.cellgate.pack-pack2.cfg)";
        for (int delivery = 0; delivery < 5; delivery++) { // SCR reads it again on every scrape and listing
            Map<String, Object> p = file("abc");
            assertEquals(expected, gate.process("pid2", p));
            assertEquals(RefusalGate.REFUSED_CONDITION, p.get(RefusalGate.CONDITION_TARGET));
            assertEquals(expected, p.get(RefusalGate.REFUSED));
        }
        assertEquals(List.of(expected), logged);

        gate.process("pid2", file("99")); // the file changed: a new refusal, logged
        gate.process("pid2", file("99"));
        assertEquals(List.of(expected, "pack pack2: configuration refused: cells=99 is out of range: 2 to 48 "
                + "(fix /opt/cellgate/config/io.cellgate.pack-pack2.cfg)"), logged);
    }

    @Test
    void aRunningComponentKeepsItsGoodConfiguration() {
        gate.process("pid2", file("16"));
        Map<String, Object> p = file("1");
        String refusal = gate.process("pid2", p);
        assertEquals("pack pack2: configuration refused, keeping the running one: cells=1 is out of range: 2 to 48 "
                + "(fix /opt/cellgate/config/io.cellgate.pack-pack2.cfg)", refusal);
        assertEquals("16", p.get("cells"), "what the component runs on");
        assertNull(p.get(RefusalGate.CONDITION_TARGET));
        assertEquals(refusal, p.get(RefusalGate.REFUSED));

        Map<String, Object> fixed = file("18");
        assertNull(gate.process("pid2", fixed));
        assertEquals(file("18"), fixed);
        gate.process("pid2", file("1"));
        assertEquals(2, logged.size(), "the same bad value again after a good one is a change: logged again");
    }

    @Test
    void aConfigurationPluginsDictionaryIsChangedInPlace() {
        java.util.Dictionary<String, Object> good = new java.util.Hashtable<>(file("16"));
        good.put("service.pid", "pid2");
        assertNull(gate.process(good));
        java.util.Dictionary<String, Object> bad = new java.util.Hashtable<>(file("abc"));
        bad.put("service.pid", "pid2");
        bad.put("extra", "x");
        gate.process(bad);
        assertEquals("16", bad.get("cells"));
        assertNull(bad.get("extra"), "the running configuration as it was");
        assertEquals(logged.get(0), bad.get(RefusalGate.REFUSED));
    }

    @Test
    void aDeletedConfigurationMadeAgainWithABadValueDoesNotRunOnTheOldOne() {
        gate.process("pid2", file("16"));
        gate.forget("pid2"); // its file removed, then dropped back with a bad value
        Map<String, Object> p = file("1");
        gate.process("pid2", p);
        assertEquals("1", p.get("cells"));
        assertEquals(RefusalGate.REFUSED_CONDITION, p.get(RefusalGate.CONDITION_TARGET));
    }

    @Test
    void aConfigurationMadeInConfigAdminSaysSo() {
        Map<String, Object> p = file("0");
        p.remove(RefusalGate.FILE);
        assertEquals("pack pack2: configuration refused: cells=0 is out of range: 2 to 48 (made in Config Admin, "
                + "not from a file)", gate.process("pid2", p));
    }
}
