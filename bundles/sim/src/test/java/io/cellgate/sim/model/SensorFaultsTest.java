package io.cellgate.sim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.balancer.Decision;
import io.cellgate.api.pack.CellStatus;
import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackReading;
import org.junit.jupiter.api.Test;

class SensorFaultsTest {

    private static SimPack pack(long seed) {
        return new SimPack(SimPackSpec.builder(8, Chemistry.NCM, 2.5).initialSocDrawn(0.5, 0.05).seed(seed).build());
    }

    @Test
    void aCleanReadingIsTheTerminalVoltage() {
        SimPack pack = pack(1);
        pack.step(1, 1.5, new Decision(8));
        PackReading reading = new PackReading(8);
        pack.read(reading);
        for (int i = 0; i < 8; i++) {
            assertEquals(CellStatus.OK, reading.status(i));
            assertEquals(pack.terminalVolts(i), reading.volts(i), 0);
        }
    }

    @Test
    void anOpenWireReadsNaNWithItsStatusUntilItCloses() {
        SimPack pack = pack(1);
        PackReading reading = new PackReading(8);
        pack.openWire(3, true);
        pack.read(reading);
        assertTrue(Double.isNaN(reading.volts(3)));
        assertEquals(CellStatus.OPEN_WIRE, reading.status(3));
        assertEquals(CellStatus.OK, reading.status(2));
        assertTrue(pack.isOpenWire(3));
        pack.openWire(3, false);
        pack.read(reading);
        assertEquals(CellStatus.OK, reading.status(3));
        assertEquals(pack.terminalVolts(3), reading.volts(3), 0);
    }

    @Test
    void aStuckChannelKeepsShowingWhatItShowedLast() {
        SimPack pack = pack(1);
        PackReading reading = new PackReading(8);
        pack.read(reading);
        double shown = reading.volts(5);
        pack.stuckChannel(5, true);
        Decision idle = new Decision(8);
        for (int s = 0; s < 600; s++) {
            pack.step(1, 2.0, idle); // a 2 A discharge moves every real voltage
        }
        pack.read(reading);
        assertEquals(shown, reading.volts(5), 0);
        assertEquals(CellStatus.OK, reading.status(5), "a stuck channel looks healthy");
        assertTrue(pack.terminalVolts(5) < shown - 0.02);
        assertEquals(pack.terminalVolts(4), reading.volts(4), 0, "the other channels move on");
        pack.stuckChannel(5, false);
        pack.read(reading);
        assertEquals(pack.terminalVolts(5), reading.volts(5), 0);
    }

    @Test
    void aChannelStuckBeforeAnyReadingFreezesAtTheVoltageThen() {
        SimPack pack = pack(1);
        double before = pack.terminalVolts(0);
        pack.stuckChannel(0, true);
        pack.step(60, 3.0, new Decision(8));
        PackReading reading = new PackReading(8);
        pack.read(reading);
        assertEquals(before, reading.volts(0), 0);
    }

    @Test
    void noiseIsSeededAndReproducible() {
        double[] a = noisyReadings(pack(9));
        double[] b = noisyReadings(pack(9));
        double[] c = noisyReadings(pack(10));
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], b[i], 0, "same seed, same noise at " + i);
        }
        assertNotEquals(a[0], c[0]);
    }

    @Test
    void noiseHasItsSigmaAndOffset() {
        SimPack pack = pack(3);
        pack.noise(0.002, 0.005);
        PackReading reading = new PackReading(8);
        double truth = pack.terminalVolts(0);
        int n = 20_000;
        double sum = 0;
        double sumSquares = 0;
        for (int s = 0; s < n; s++) {
            pack.read(reading);
            double e = reading.volts(0) - truth - 0.005;
            sum += e;
            sumSquares += e * e;
        }
        double mean = sum / n;
        double sigma = Math.sqrt(sumSquares / n - mean * mean);
        assertEquals(0, mean, 0.0001);
        assertEquals(0.002, sigma, 0.0001);
    }

    @Test
    void badFaultArgumentsAreNamed() {
        SimPack pack = pack(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pack.openWire(8, true));
        assertEquals("cell 8 does not exist: cells are numbered 0..7", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> pack.noise(-1, 0));
        assertTrue(e.getMessage().startsWith("noise: sigma must be finite and >= 0 V"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> pack.selfDischarge(1, -2));
        assertEquals("selfDischarge of cell 1=-2.0 must lie in 0..100 %/month", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> pack.read(new PackReading(7)));
        assertEquals("a reading of 7 cells cannot hold a pack of 8", e.getMessage());
    }

    private static double[] noisyReadings(SimPack pack) {
        pack.noise(0.003, 0.001);
        PackReading reading = new PackReading(8);
        double[] out = new double[80];
        for (int r = 0; r < 10; r++) {
            pack.read(reading);
            for (int i = 0; i < 8; i++) {
                out[r * 8 + i] = reading.volts(i);
            }
        }
        return out;
    }
}
