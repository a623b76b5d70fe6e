package io.cellgate.balancer.ek;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.balancer.Decision;
import io.cellgate.api.balancer.PackFit;
import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackDescription;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.osgi.util.converter.Converters;

@DisplayName("config/io.cellgate.balancer.ek.variant-tight.cfg is a variant that fits the default 20S NCM pack")
class TightVariantConfigTest {

    private static final PackDescription PACK1 = new PackDescription("pack1", 20, Chemistry.NCM);

    private static EkVariantModelComponent variant(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("../../config/io.cellgate.balancer.ek.variant-" + name
                + ".cfg"))) {
            properties.load(in);
        }
        return new EkVariantModelComponent(
                Converters.standardConverter().convert(properties).to(EkVariantConfig.class));
    }

    @Test
    void activatesAsA20SBoardWithTighterThresholds_decision_tightVariant() throws IOException {
        EkVariantModelComponent tight = variant("tight");
        assertEquals("tight", tight.descriptor().variant());
        assertEquals(0.06, tight.descriptor().parameter("trigger.volts"));
        assertEquals(0.02, tight.descriptor().parameter("stop.volts"));
        assertEquals(20.0, tight.descriptor().parameter("strings"));
    }

    @Test
    void fitsTheDefaultPackWhereTheLfpVariantDoesNot_decision_readmeTour() throws IOException {
        assertEquals(PackFit.FITS, variant("tight").descriptor().fit(PACK1));
        PackFit lfp = variant("lfp").descriptor().fit(PACK1);
        assertEquals(PackFit.Verdict.FITS_WITH_WARNINGS, lfp.verdict());
        assertEquals(2, lfp.warnings().size(), "a 16S board on 20 cells: low strings and a cascade");
    }

    @Test
    void balancesAnImbalanceTheDatasheetBoardIgnoresWithoutAnyFault_decision_tightVariant() throws IOException {
        double[] step = Bench.step(20, 7, 0.08);
        Decision tuned = Bench.of(variant("tight"), PACK1).tick(step);
        assertTrue(tuned.isBalancing(7), "80 mV is above the 60 mV trigger");
        assertTrue(tuned.faults().isEmpty(), "a 20S board on 20 cells: no low strings, no cascade");
        assertEquals(0, Bench.datasheet(20).tick(step).balancingPairs());
    }
}
