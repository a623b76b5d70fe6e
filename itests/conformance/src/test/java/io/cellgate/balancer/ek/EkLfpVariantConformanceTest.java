package io.cellgate.balancer.ek;

import io.cellgate.api.balancer.BalancerModel;
import io.cellgate.balancer.tck.BalancerConformanceTest;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

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
        return new EkVariantModelComponent(configuration(cfg));
    }

    /** The configuration as DS builds it: {@code trigger_mv()} reads {@code trigger.mv}, else the default. */
    private static EkVariantConfig configuration(Properties cfg) {
        return (EkVariantConfig) Proxy.newProxyInstance(EkVariantConfig.class.getClassLoader(),
                new Class<?>[] {EkVariantConfig.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class || method.getName().equals("annotationType")) {
                        return method.getName().equals("annotationType") ? EkVariantConfig.class
                                : method.getName().equals("toString") ? "EkVariantConfig" + cfg
                                : method.getName().equals("hashCode") ? cfg.hashCode() : proxy == args[0];
                    }
                    String value = cfg.getProperty(method.getName().replace('_', '.'));
                    Object raw = value != null ? value.trim() : method.getDefaultValue();
                    Class<?> type = method.getReturnType();
                    if (type == int.class) {
                        return raw instanceof Number n ? n.intValue() : Integer.parseInt(raw.toString());
                    }
                    if (type == double.class) {
                        return raw instanceof Number n ? n.doubleValue() : Double.parseDouble(raw.toString());
                    }
                    return raw == null ? null : raw.toString();
                });
    }
}
