package io.cellgate.sim.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.balancer.Decision;
import io.cellgate.api.balancer.PairDirection;
import io.cellgate.api.pack.CellStatus;
import io.cellgate.api.pack.PackReading;
import io.cellgate.api.testing.ManualTickClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.util.converter.Converters;

class SimulatedPackTest {

    /** The configuration as DS would make it: annotation defaults, overridden by the given properties. */
    static SimPackConfig config(Map<String, Object> props) {
        return Converters.standardConverter().convert(props).to(SimPackConfig.class);
    }

    private final ManualTickClock clock = new ManualTickClock();

    /** The simulated pack keeps time by the clock, and leaves the ticking to the pack runtime. */
    @AfterEach
    void schedulesNothing() {
        assertTrue(clock.tasks().isEmpty(), "scheduled on the clock");
    }

    private SimulatedPack pack(Map<String, Object> extra) {
        Map<String, Object> props = new HashMap<>(Map.of("cellgate.pack", "p1", "cells", 4, "soc.spread.percent", 0.0));
        props.putAll(extra);
        return new SimulatedPack(clock, config(props));
    }

    @Test
    void physicsAdvancesByClockTimeTimesTheScaleWithThePairCurrentsLastDriven() {
        SimulatedPack p = pack(Map.of("time.scale", 100.0, "capacity.spread", 0.0));
        PackReading r = new PackReading(4);
        p.read(r);
        Decision d = new Decision(4);
        d.setPair(0, PairDirection.LOWER_TO_UPPER, 1.0);
        p.drive(d);
        clock.advance(1_000_000_000L); // one real second, 100 simulated seconds
        p.read(r);
        double soc0 = p.<Double>withModel(sim -> sim.soc(0));
        double soc1 = p.<Double>withModel(sim -> sim.soc(1));
        assertTrue(soc0 < soc1, "cell 1 gave to cell 2");
        assertEquals(100.0, p.<Double>withModel(sim -> sim.timeSeconds()), 1e-9);
        p.allOff();
        assertEquals(CellStatus.OK, r.status(0));
    }

    @Test
    void aPassiveBoardsBleedIsHeldUntilTheNextDriveAndStopsWithAllOff() {
        SimulatedPack p = pack(Map.of("time.scale", 100.0));
        PackReading r = new PackReading(4);
        p.read(r);
        Decision d = new Decision(4);
        d.setBleed(2, 0.1);
        p.drive(d);
        d.reset(); // the runtime reuses its buffer for the next tick: the pack keeps what it was driven
        clock.advance(1_000_000_000L);
        p.read(r);
        assertEquals(0.1 * 100, p.<Double>withModel(sim -> sim.ledger().bleedAs(2)), 1e-9);
        assertEquals(0.1 * 100, p.<Double>withModel(sim -> sim.ledger().bleedAs()), 1e-9, "only cell 3 bled");
        p.allOff();
        clock.advance(1_000_000_000L);
        p.read(r);
        assertEquals(0.1 * 100, p.<Double>withModel(sim -> sim.ledger().bleedAs()), 1e-9, "nothing bleeds after allOff");
    }

    @Test
    void aLoadProfileFileDrivesThePackCurrentUntilTheShellSetsOne(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("load.csv"), "seconds,amps\n0,2.0\n50,-1.0\n");
        SimulatedPack p = pack(Map.of("time.scale", 10.0, "load.csv", csv.toString()));
        PackReading r = new PackReading(4);
        assertEquals(2.0, p.load());
        clock.advance(6_000_000_000L); // 60 simulated seconds
        p.read(r);
        assertEquals(-1.0, p.load(), "the second step, held after the last");
        assertEquals(1.0, r.packAmps(), "the reading's current is positive while charging, the load's negative");
        p.setLoad(0.5);
        assertEquals(0.5, p.load());
        p.read(r);
        assertEquals(-0.5, r.packAmps(), "a load of 0.5 A discharges the pack");
    }

    @Test
    void badSettingsAreRefusedWithTheirReason(@TempDir Path dir) {
        assertEquals("cellgate.pack is missing: name the pack this simulation serves",
                assertThrows(IllegalArgumentException.class, () -> pack(Map.of("cellgate.pack", " "))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> pack(Map.of("load.csv", dir.resolve("none.csv").toString()))).getMessage()
                .startsWith("load.csv=" + dir.resolve("none.csv") + " cannot be read"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> pack(Map.of("time.scale", 0.0))).getMessage()
                .startsWith("time.scale=0.0 is out of range"));
        SimulatedPack p = pack(Map.of());
        assertEquals("time scale 0.0 is out of range: 0.001 to 100000.0",
                assertThrows(IllegalArgumentException.class, () -> p.setTimeScale(0)).getMessage(), "sim:speed's words");
        assertEquals("cell 5 does not exist: p1 has cells 1 to 4",
                assertThrows(IllegalArgumentException.class, () -> p.imbalance(4, 10)).getMessage());
    }

    @Test
    void anImbalanceByHandMovesTheCellsOpenCircuitVoltage() {
        SimulatedPack p = pack(Map.of());
        double before = p.<Double>withModel(sim -> sim.openCircuitVolts(2));
        p.imbalance(2, 150);
        assertEquals(before + 0.150, p.<Double>withModel(sim -> sim.openCircuitVolts(2)), 1e-9);
    }
}
