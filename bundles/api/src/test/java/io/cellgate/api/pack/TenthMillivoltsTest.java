package io.cellgate.api.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TenthMillivoltsTest {

    @Test
    void keepsVoltsToTheNearestTenthOfAMillivolt() {
        assertEquals(3.7123, TenthMillivolts.decode(TenthMillivolts.encode(3.71234)), 1e-12);
        assertEquals(3.7124, TenthMillivolts.decode(TenthMillivolts.encode(3.71236)), 1e-12);
        assertEquals(0.1216, TenthMillivolts.decode(TenthMillivolts.encode(0.12158)), 1e-12);
        assertEquals(0.0, TenthMillivolts.decode(TenthMillivolts.encode(0.0)));
        for (int code = 0; code < 65535; code += 7) {
            assertEquals((char) code, TenthMillivolts.encode(TenthMillivolts.decode((char) code)), "code " + code);
        }
        assertEquals(4.2f, TenthMillivolts.decodeFloat(TenthMillivolts.encode(4.2)), 1e-6f);
    }

    @Test
    void clampsWhatIsOutOfRangeAndKeepsNoValueApart() {
        assertEquals(0.0, TenthMillivolts.decode(TenthMillivolts.encode(-0.5)));
        assertEquals(TenthMillivolts.MAX_VOLTS, TenthMillivolts.decode(TenthMillivolts.encode(12.0)));
        assertEquals(TenthMillivolts.MAX_VOLTS, TenthMillivolts.decode(TenthMillivolts.encode(Double.POSITIVE_INFINITY)));
        assertEquals(TenthMillivolts.NONE, TenthMillivolts.encode(Double.NaN));
        assertTrue(Double.isNaN(TenthMillivolts.decode(TenthMillivolts.NONE)));
        assertTrue(Float.isNaN(TenthMillivolts.decodeFloat(TenthMillivolts.NONE)));
    }
}
