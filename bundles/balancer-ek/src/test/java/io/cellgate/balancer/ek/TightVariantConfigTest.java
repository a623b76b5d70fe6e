package io.cellgate.balancer.ek;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.balancer.Decision;
import io.cellgate.api.balancer.PackFit;
import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackDescription;
import java.io.IOException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("config/io.cellgate.balancer.ek.variant-*.cfg activate; the tight variant fits the default 20S NCM pack")
class TightVariantConfigTest {

    private static final PackDescription PACK1 = new PackDescription("pack1", 20, Chemistry.NCM);

    /** The shipped variants, as their files configure them: lfp on the LFP plateau, tight for the default pack. */
    @ParameterizedTest(name = "{0}: trigger {1} V, stop {2} V, {3} strings")
    @CsvSource({"lfp, 0.04, 0.01, 16", "tight, 0.06, 0.02, 20"})
    void activatesWithTheFiguresOfItsFile_decision_shippedVariants(String name, double trigger, double stop,
            double strings) throws IOException {
        EkVariantModelComponent variant = Bench.shippedVariant(name);
        assertEquals(name, variant.descriptor().variant());
        assertEquals(trigger, variant.descriptor().parameter("trigger.volts"));
        assertEquals(stop, variant.descriptor().parameter("stop.volts"));
        assertEquals(strings, variant.descriptor().parameter("strings"));
    }

    @Test
    void fitsTheDefaultPackWhereTheLfpVariantDoesNot_decision_readmeTour() throws IOException {
        assertEquals(PackFit.FITS, Bench.shippedVariant("tight").descriptor().fit(PACK1));
        PackFit lfp = Bench.shippedVariant("lfp").descriptor().fit(PACK1);
        assertEquals(PackFit.Verdict.FITS_WITH_WARNINGS, lfp.verdict());
        assertEquals(2, lfp.warnings().size(), "a 16S board on 20 cells: low strings and a cascade");
    }

    @Test
    void balancesAnImbalanceTheDatasheetBoardIgnoresWithoutAnyFault_decision_tightVariant() throws IOException {
        double[] step = Bench.step(20, 7, 0.08);
        Decision tuned = Bench.of(Bench.shippedVariant("tight"), PACK1).tick(step);
        assertTrue(tuned.isBalancing(7), "80 mV is above the 60 mV trigger");
        assertTrue(tuned.faults().isEmpty(), "a 20S board on 20 cells: no low strings, no cascade");
        assertEquals(0, Bench.datasheet(20).tick(step).balancingPairs());
    }
}
