package io.cellgate.balancer.ek;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.balancer.Decision;
import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackDescription;
import java.io.IOException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("config/io.cellgate.balancer.ek.variant-lfp.cfg is a valid variant for the LFP plateau")
class LfpVariantConfigTest {

    @Test
    void balancesASpreadTheDatasheetBoardIgnores_decision_lfpPlateau() throws IOException {
        double[] plateau = Bench.step(16, 7, 0.05);
        Bench lfp = Bench.of(Bench.shippedVariant("lfp"), new PackDescription("lfp16", 16, Chemistry.LFP));
        Bench datasheet = Bench.datasheet(16);
        Decision tuned = lfp.tick(plateau);
        assertTrue(tuned.isBalancing(7), "50 mV on the flat LFP plateau is a real imbalance");
        assertTrue(tuned.faults().isEmpty(), "a 16S board on 16 cells is not low strings");
        assertEquals(0, datasheet.tick(plateau).balancingPairs());
    }
}
