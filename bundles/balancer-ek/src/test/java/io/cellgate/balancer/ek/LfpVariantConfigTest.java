package io.cellgate.balancer.ek;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.balancer.Decision;
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

@DisplayName("config/io.cellgate.balancer.ek.variant-lfp.cfg is a valid variant for the LFP plateau")
class LfpVariantConfigTest {

    private static final Path CFG = Path.of("../../config/io.cellgate.balancer.ek.variant-lfp.cfg");

    private static EkVariantModelComponent lfp() throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(CFG)) {
            properties.load(in);
        }
        return new EkVariantModelComponent(
                Converters.standardConverter().convert(properties).to(EkVariantConfig.class));
    }

    @Test
    void activatesAsLfpWithLowerThresholds_decision_lfpVariant() throws IOException {
        EkVariantModelComponent lfp = lfp();
        assertEquals("lfp", lfp.descriptor().variant());
        assertEquals(0.04, lfp.descriptor().parameter("trigger.volts"));
        assertEquals(0.01, lfp.descriptor().parameter("stop.volts"));
        assertEquals(16.0, lfp.descriptor().parameter("strings"));
    }

    @Test
    void balancesASpreadTheDatasheetBoardIgnores_decision_lfpPlateau() throws IOException {
        double[] plateau = Bench.step(16, 7, 0.05);
        Bench lfp = Bench.of(lfp(), new PackDescription("lfp16", 16, Chemistry.LFP));
        Bench datasheet = Bench.datasheet(16);
        Decision tuned = lfp.tick(plateau);
        assertTrue(tuned.isBalancing(7), "50 mV on the flat LFP plateau is a real imbalance");
        assertTrue(tuned.faults().isEmpty(), "a 16S board on 16 cells is not low strings");
        assertEquals(0, datasheet.tick(plateau).balancingPairs());
    }
}
