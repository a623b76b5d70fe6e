package io.cellgate.api.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The one open-circuit curve and its flat parts (the simulator's tests check its table and its inverse). */
class OcvCurveTest {

    @Test
    void ncmHasNoFlatPartAtOneMillivoltPerPercent() {
        assertSame(OcvCurve.NCM, OcvCurve.of(Chemistry.NCM));
        assertEquals(0, OcvCurve.NCM.flatSpanVolts(0.1));
        assertEquals(0, OcvCurve.NCM.flatSocShare(0.1));
        assertFalse(OcvCurve.NCM.isFlatAt(3.8, 0.1));
    }

    @Test
    void lfpIsFlatInItsMiddleAndBelowItsTopKnee() {
        // the segments rising less than 5 mV per 5 %: 40–65 % and 80–90 %, and 90–95 % rises exactly 5 mV (not flat)
        assertEquals(0.002 + 0.001 + 0.003 + 0.003 + 0.004 + 0.004 + 0.001, OcvCurve.LFP.flatSpanVolts(0.1), 1e-9);
        assertEquals(0.35, OcvCurve.LFP.flatSocShare(0.1), 1e-12);
        assertTrue(OcvCurve.LFP.isFlatAt(OcvCurve.LFP.volts(0.47), 0.1));
        assertTrue(OcvCurve.LFP.isFlatAt(OcvCurve.LFP.volts(0.87), 0.1));
        assertFalse(OcvCurve.LFP.isFlatAt(OcvCurve.LFP.volts(0.2), 0.1));
        assertFalse(OcvCurve.LFP.isFlatAt(OcvCurve.LFP.volts(0.97), 0.1));
    }
}
