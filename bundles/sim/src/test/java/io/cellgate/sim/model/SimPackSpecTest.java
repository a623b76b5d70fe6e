package io.cellgate.sim.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.balancer.Decision;
import io.cellgate.api.pack.Chemistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class SimPackSpecTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        SimPackSpec spec = SimPackSpec.builder(20, Chemistry.LFP, 10).build();
        assertEquals(0.0025, spec.capacitySpread());
        assertEquals(0.030 * 2.5 / 10, spec.dcResistanceOhms(), 1e-15);
        assertEquals(0.02, spec.resistanceSpread());
        assertEquals(0.4, spec.r0Fraction());
        assertEquals(30.0, spec.tauSeconds());
        assertEquals(0.85, spec.balancerEfficiency());
        assertEquals(0.5, spec.socMean());
        assertEquals(0.0, spec.socSpread());
        assertNull(spec.initialSoc());
        assertEquals(2.0, spec.selfDischargePercentPerMonth()[19]);
        assertEquals("pack1", spec.description("pack1").id());
    }

    @Test
    void specsWithTheSameContentAreEqual() {
        SimPackSpec a = SimPackSpec.builder(3, Chemistry.NCM, 2.5).initialSoc(0.1, 0.2, 0.3).build();
        SimPackSpec b = SimPackSpec.builder(3, Chemistry.NCM, 2.5).initialSoc(0.1, 0.2, 0.3).build();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, SimPackSpec.builder(3, Chemistry.NCM, 2.5).initialSoc(0.1, 0.2, 0.4).build());
        assertTrue(a.toString().contains("initialSoc=[0.1, 0.2, 0.3]"), a.toString());
    }

    @Test
    void aSpecCannotBeChangedThroughItsArrays() {
        double[] soc = {0.1, 0.2};
        SimPackSpec spec = SimPackSpec.builder(2, Chemistry.NCM, 2.5).initialSoc(soc).build();
        soc[0] = 0.9;
        spec.initialSoc()[1] = 0.9;
        assertArrayEquals(new double[] {0.1, 0.2}, spec.initialSoc());
    }

    @Test
    void initialVoltsGoThroughTheInverseCurve() {
        SimPackSpec spec = SimPackSpec.builder(2, Chemistry.NCM, 2.5).initialVolts(3.803, 4.198).build();
        assertArrayEquals(new double[] {0.40, 1.0}, spec.initialSoc(), 1e-12);
        SimPack pack = new SimPack(spec);
        assertEquals(3.803, pack.openCircuitVolts(0), 1e-12);
    }

    @Test
    void drawsAreReproducibleAndSpreadAsAsked() {
        SimPackSpec spec = SimPackSpec.builder(48, Chemistry.NCM, 2.5).capacitySpread(0.01)
                .initialSocDrawn(0.5, 0.02).seed(5).build();
        CellParams a = CellParams.draw(spec);
        CellParams b = CellParams.draw(spec);
        double sum = 0;
        for (int i = 0; i < 48; i++) {
            assertEquals(a.capacityAh(i), b.capacityAh(i), 0);
            assertEquals(a.initialSoc(i), b.initialSoc(i), 0);
            assertTrue(Math.abs(a.capacityAh(i) / 2.5 - 1) <= 0.03 + 1e-12, "clipped at 3σ");
            assertEquals(0.4 / 0.6, a.r0Ohms(i) / a.r1Ohms(i), 1e-12);
            sum += a.capacityAh(i);
        }
        assertEquals(2.5, sum / 48, 2.5 * 0.01);
        assertNotEquals(a.capacityAh(0), a.capacityAh(1));
    }

    @Test
    void badValuesAreNamedWithTheirRange() {
        expect("cells=1 is out of range: a simulated pack has 2 to 48 cells",
                () -> SimPackSpec.builder(1, Chemistry.NCM, 2.5).build());
        expect("chemistry is missing: expected one of NCM, LFP",
                () -> SimPackSpec.builder(4, null, 2.5).build());
        expect("capacityAh=0.0 must be a positive finite number",
                () -> SimPackSpec.builder(4, Chemistry.NCM, 0).build());
        expect("capacityAh=NaN must be a positive finite number",
                () -> SimPackSpec.builder(4, Chemistry.NCM, Double.NaN).build());
        expect("capacitySpread=-0.1 must lie in [0, 0.3) (a relative standard deviation: 0.0025 is 0.25 %)",
                () -> SimPackSpec.builder(4, Chemistry.NCM, 2.5).capacitySpread(-0.1).build());
        expect("initialSoc has 3 values for 4 cells",
                () -> SimPackSpec.builder(4, Chemistry.NCM, 2.5).initialSoc(0.1, 0.2, 0.3).build());
        expect("initialSoc[1]=1.2 must lie in 0..1",
                () -> SimPackSpec.builder(2, Chemistry.NCM, 2.5).initialSoc(new double[] {0.5, 1.2}).build());
        expect("socMean=1.5 must lie in 0..1",
                () -> SimPackSpec.builder(2, Chemistry.NCM, 2.5).initialSocDrawn(1.5, 0).build());
        expect("dcResistanceOhms=-0.01 must be a positive finite number",
                () -> SimPackSpec.builder(2, Chemistry.NCM, 2.5).dcResistanceOhms(-0.01).build());
        expect("r0Fraction=1.4 must lie in 0..1",
                () -> SimPackSpec.builder(2, Chemistry.NCM, 2.5).r0Fraction(1.4).build());
        expect("tauSeconds=0.0 must be a positive finite number",
                () -> SimPackSpec.builder(2, Chemistry.NCM, 2.5).tauSeconds(0).build());
        expect("selfDischargePercentPerMonth[1]=-1.0 must lie in 0..100 %/month",
                () -> SimPackSpec.builder(2, Chemistry.NCM, 2.5).selfDischarge(1, -1).build());
        expect("selfDischarge: cell 2 does not exist in a pack of 2 cells (cells are numbered 0..1)",
                () -> SimPackSpec.builder(2, Chemistry.NCM, 2.5).selfDischarge(2, 5));
        expect("balancerEfficiency=1.2 must lie in (0, 1]: the receiver gets that share of the donor's current",
                () -> SimPackSpec.builder(2, Chemistry.NCM, 2.5).balancerEfficiency(1.2).build());
        expect("initialVolts[0]=NaN must be a finite voltage",
                () -> SimPackSpec.builder(2, Chemistry.NCM, 2.5).initialVolts(Double.NaN, 3.7).build());
    }

    @Test
    void badStepsAreNamed() {
        SimPack pack = new SimPack(SimPackSpec.builder(3, Chemistry.NCM, 2.5).build());
        Decision idle = new Decision(3);
        expect("dtSeconds=0.0 must be a positive finite number", () -> pack.step(0, 0, idle));
        expect("packAmps=NaN must be finite", () -> pack.step(1, Double.NaN, idle));
        Decision drawing = new Decision(3);
        drawing.setBoardDrawAmps(-1);
        expect("boardDrawAmps=-1.0 must be finite and >= 0", () -> pack.step(1, 0, drawing));
        expect("a decision for 4 cells cannot drive a pack of 3", () -> pack.step(1, 0, new Decision(4)));
        assertEquals(0, pack.timeSeconds(), "a refused step changes nothing");
    }

    private static void expect(String message, Executable action) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action);
        assertEquals(message, e.getMessage());
    }
}
