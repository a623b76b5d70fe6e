package io.cellgate.sim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.pack.Chemistry;
import org.junit.jupiter.api.Test;

class OcvCurveTest {

    @Test
    void tablesAreLibreSolarsInAscendingSoc() {
        assertEquals(2.833, OcvCurve.LFP.pointVolts(0));
        assertEquals(3.392, OcvCurve.LFP.pointVolts(20));
        assertEquals(2.800, OcvCurve.NCM.pointVolts(0));
        assertEquals(4.198, OcvCurve.NCM.pointVolts(20));
        assertSame(OcvCurve.LFP, OcvCurve.of(Chemistry.LFP));
        assertSame(OcvCurve.NCM, OcvCurve.of(Chemistry.NCM));
    }

    @Test
    void lfpHasAFlatPlateauWhereNcmSlopes() {
        double lfpSpan = span(OcvCurve.LFP, 0.40, 0.95);
        double ncmSpan = span(OcvCurve.NCM, 0.40, 0.95);
        assertEquals(0.052, lfpSpan, 1e-9, "LFP 40–95 %: 3.262–3.314 V");
        assertTrue(lfpSpan < 0.060, "LFP plateau spans " + lfpSpan + " V");
        assertEquals(0.332, ncmSpan, 1e-9, "NCM 40–95 %: 3.803–4.135 V");
        assertTrue(ncmSpan > 0.300, "NCM spans " + ncmSpan + " V");
        for (double soc = 0.40; soc <= 0.95; soc += 0.001) {
            double v = OcvCurve.LFP.volts(soc);
            assertTrue(v >= 3.26 && v <= 3.315, "LFP at " + soc + " reads " + v + " V, off the plateau");
        }
    }

    @Test
    void interpolatesLinearlyAndClamps() {
        assertEquals(3.803, OcvCurve.NCM.volts(0.40), 1e-15);
        assertEquals((2.800 + 3.588) / 2, OcvCurve.NCM.volts(0.025), 1e-15);
        assertEquals(3.392, OcvCurve.LFP.volts(1.0), 1e-15);
        assertEquals(OcvCurve.LFP.volts(0), OcvCurve.LFP.volts(-0.3));
        assertEquals(OcvCurve.LFP.volts(1), OcvCurve.LFP.volts(1.7));
        assertEquals((3.588 - 2.800) * 20, OcvCurve.NCM.voltsPerSoc(0.01), 1e-12);
    }

    @Test
    void inverseRoundTripsOnNcm() {
        for (int i = 0; i <= 1000; i++) {
            double soc = i / 1000.0;
            assertEquals(soc, OcvCurve.NCM.soc(OcvCurve.NCM.volts(soc)), 1e-12, "at SOC " + soc);
        }
        assertEquals(0.0, OcvCurve.NCM.soc(2.0));
        assertEquals(1.0, OcvCurve.NCM.soc(4.5));
        assertTrue(Double.isNaN(OcvCurve.NCM.soc(Double.NaN)));
    }

    @Test
    void inverseIsIllConditionedOnTheLfpPlateau() {
        // 1 mV between 45 % and 50 %: a millivolt of error is 5 % of SOC
        assertEquals(0.05, OcvCurve.LFP.soc(3.265) - OcvCurve.LFP.soc(3.264), 1e-9);
        assertTrue(OcvCurve.LFP.voltsPerSoc(0.47) < 0.021, "LFP slope on the plateau, V per unit SOC");
    }

    @Test
    void rejectsCurvesThatCannotBeInverted() {
        double[] flat = new double[OcvCurve.POINTS];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new OcvCurve("x", flat));
        assertTrue(e.getMessage().contains("strictly increasing"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new OcvCurve("x", new double[3]));
        assertTrue(e.getMessage().contains("expected 21 voltages, got 3"), e.getMessage());
    }

    private static double span(OcvCurve curve, double fromSoc, double toSoc) {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (int i = 0; i <= 1000; i++) {
            double v = curve.volts(fromSoc + (toSoc - fromSoc) * i / 1000);
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return max - min;
    }
}
