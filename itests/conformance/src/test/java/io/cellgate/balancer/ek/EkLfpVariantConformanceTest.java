package io.cellgate.balancer.ek;

import io.cellgate.api.balancer.BalancerModel;
import io.cellgate.balancer.tck.BalancerConformanceTest;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.osgi.util.converter.Converters;

/**
 * The conformance kit on the shipped LFP variant: {@code config/io.cellgate.balancer.ek.variant-lfp.cfg} read as
 * Felix FileInstall reads it (every value a string) and given to the variant component, as DS would. The test lives
 * in the EK package to reach its package-private configuration type.
 */
class EkLfpVariantConformanceTest extends BalancerConformanceTest {

    private static final Path CFG = Path.of("../../config/io.cellgate.balancer.ek.variant-lfp.cfg");

    @Override
    protected BalancerModel model() {
        Properties cfg = new Properties();
        try (Reader in = Files.newBufferedReader(CFG)) {
            cfg.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // as DS builds it: trigger_mv() reads trigger.mv, strings become numbers, a missing key gives the default
        return new EkVariantModelComponent(Converters.standardConverter().convert(cfg).to(EkVariantConfig.class));
    }
}
