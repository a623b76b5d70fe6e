package io.cellgate.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.pack.Chemistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioParseTest {

    private static final String MINIMAL = """
            {"pack": {"cells": 4, "chemistry": "LFP"}, "balancer": "EK-L20S1A"}""";

    private static String error(String json) {
        return assertThrows(IllegalArgumentException.class, () -> Scenario.parse(json, null)).getMessage();
    }

    @Test
    void aMinimalScenarioGetsItsDefaults() throws IOException {
        Scenario s = Scenario.parse(MINIMAL, null);
        assertEquals(4, s.pack().cells());
        assertEquals(Chemistry.LFP, s.pack().chemistry());
        assertEquals("EK-L20S1A", s.model());
        assertEquals(null, s.variant());
        assertEquals(1.0, s.stepSeconds());
        assertEquals(86400, s.durationSeconds());
        assertTrue(s.stopWhenBalanced());
    }

    @Test
    void unknownFieldsAreNamedWithTheKnownOnes() {
        assertTrue(error("{\"pack\": {\"cells\": 4, \"chemistry\": \"NCM\"}, \"balancer\": \"X\", \"speed\": 2}")
                .startsWith("unknown field 'speed'; known fields of : [balancer, durationSeconds"));
        assertTrue(error("{\"pack\": {\"cells\": 4, \"chemistry\": \"NCM\", \"volts\": 3}, \"balancer\": \"X\"}")
                .startsWith("unknown field 'pack.volts'"));
    }

    @Test
    void wrongTypesNameTheField() {
        assertEquals("pack.cells must be a number, got \"20\"",
                error("{\"pack\": {\"cells\": \"20\", \"chemistry\": \"NCM\"}, \"balancer\": \"X\"}"));
        assertEquals("pack.cells must be a whole number, got 2.5",
                error("{\"pack\": {\"cells\": 2.5, \"chemistry\": \"NCM\"}, \"balancer\": \"X\"}"));
        assertEquals("balancer must be a string, got 7",
                error("{\"pack\": {\"cells\": 4, \"chemistry\": \"NCM\"}, \"balancer\": 7}"));
        assertEquals("stopWhenBalanced must be true or false, got \"yes\"", error(
                "{\"pack\": {\"cells\": 4, \"chemistry\": \"NCM\"}, \"balancer\": \"X\", \"stopWhenBalanced\": \"yes\"}"));
    }

    @Test
    void outOfRangeValuesAreRefused() {
        assertEquals("pack.cells=1 is out of range: 2 to 48",
                error("{\"pack\": {\"cells\": 1, \"chemistry\": \"NCM\"}, \"balancer\": \"X\"}"));
        assertEquals("pack.cells=49 is out of range: 2 to 48",
                error("{\"pack\": {\"cells\": 49, \"chemistry\": \"NCM\"}, \"balancer\": \"X\"}"));
        assertTrue(error("{\"pack\": {\"cells\": 4, \"chemistry\": \"NiMH\"}, \"balancer\": \"X\"}")
                .contains("unknown chemistry 'NiMH'"));
        assertEquals("pack.initialVolts has 3 values for 4 cells", error(
                "{\"pack\": {\"cells\": 4, \"chemistry\": \"NCM\", \"initialVolts\": [3.7, 3.7, 3.7]}, \"balancer\": \"X\"}"));
        assertTrue(error("{\"pack\": {\"cells\": 4, \"chemistry\": \"NCM\"}, \"balancer\": \"X\", "
                + "\"faults\": [{\"kind\": \"openWire\", \"cell\": 5}]}").equals("faults[0].cell=5 is out of range: 1 to 4"));
        assertTrue(error("{\"pack\": {\"cells\": 4, \"chemistry\": \"NCM\"}, \"balancer\": \"X\", "
                + "\"faults\": [{\"kind\": \"melt\", \"cell\": 1}]}").startsWith("faults[0].kind 'melt' is unknown"));
        assertEquals("durationSeconds must be greater than 0, got -1.0", error(
                "{\"pack\": {\"cells\": 4, \"chemistry\": \"NCM\"}, \"balancer\": \"X\", \"durationSeconds\": -1}"));
    }

    @Test
    void notJsonIsSaidSo() {
        assertTrue(error("{pack: ").startsWith("not a scenario: not valid JSON at line 1 column "));
        assertEquals("pack must be a JSON object", error("{\"pack\": 3, \"balancer\": \"X\"}"));
    }

    @Test
    void aCsvLoadProfileIsReadBesideTheScenario(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("load.csv"), "seconds,amps\n0,1.5\n3600,-0.5\n");
        Scenario s = Scenario.parse("{\"pack\": {\"cells\": 4, \"chemistry\": \"NCM\"}, \"balancer\": \"X\", "
                + "\"load\": {\"csv\": \"load.csv\"}}", dir);
        assertEquals(1.5, s.load().amps()[0]);
        assertEquals(3600, s.load().atSeconds()[1]);
        assertEquals(1, s.load().stepAt(4000, 0));
        Files.writeString(dir.resolve("bad.csv"), "0,1\nten,2\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Scenario.parse("{\"pack\": {\"cells\": 4, "
                + "\"chemistry\": \"NCM\"}, \"balancer\": \"X\", \"load\": {\"csv\": \"bad.csv\"}}", dir))
                .getMessage().endsWith("bad.csv:2: expected 'seconds,amps', got 'ten,2'"));
    }

    @Test
    void startVoltagesOutsideACellsRangeAreRefused() {
        assertEquals("pack.initialVolts[2]=-5.0 is out of range: 0 to 6 V (a cell's resting voltage)",
                error("{\"pack\": {\"cells\": 4, \"chemistry\": \"NCM\", \"initialVolts\": [3.7, 3.7, -5, 3.7]}, "
                        + "\"balancer\": \"X\"}"));
        assertEquals("pack.initialVolts[1]=100.0 is out of range: 0 to 6 V (a cell's resting voltage)",
                error("{\"pack\": {\"cells\": 4, \"chemistry\": \"LFP\", \"initialVolts\": [3.3, 100, 3.3, 3.3]}, "
                        + "\"balancer\": \"X\"}"));
    }

    @Test
    void aGarbageFileIsRefusedByName(@TempDir Path dir) throws IOException {
        Path text = dir.resolve("garbage.json");
        Files.writeString(text, "this is no scenario");
        String e = assertThrows(IllegalArgumentException.class, () -> Scenario.read(text)).getMessage();
        assertTrue(e.startsWith(text + ": "), e);
        assertTrue(!e.contains("Exception"), e);

        Path binary = dir.resolve("binary.json");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, (byte) 0xc3, 0x28});
        e = assertThrows(IllegalArgumentException.class, () -> Scenario.read(binary)).getMessage();
        assertTrue(e.startsWith(binary + ": "), e);
        assertTrue(!e.contains("Exception"), e);

        Path array = dir.resolve("array.json");
        Files.writeString(array, "[1, 2, 3]");
        e = assertThrows(IllegalArgumentException.class, () -> Scenario.read(array)).getMessage();
        assertTrue(e.startsWith(array + ": "), e);
    }
}
