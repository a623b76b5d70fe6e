package io.cellgate.pack.internal;

import io.cellgate.api.runtime.PackProperties;
import java.util.Map;
import org.osgi.annotation.bundle.Header;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationPlugin;

/**
 * Registers {@link PackIdDefaults} for the pack configurations. Not a DS component on purpose: SCR reads a
 * component's configuration when it takes up the bundle, which happens only once this activator has returned, so
 * no controller can ever be configured before the plugin is there (a DS component could be registered after SCR has
 * already read the pack configurations without it).
 */
@Header(name = Constants.BUNDLE_ACTIVATOR, value = "${@class}")
public final class PackRuntimeActivator implements BundleActivator {

    private ServiceRegistration<ConfigurationPlugin> plugin;

    @Override
    public void start(BundleContext context) {
        plugin = context.registerService(ConfigurationPlugin.class, new PackIdDefaults(),
                FrameworkUtil.asDictionary(Map.of(ConfigurationPlugin.CM_TARGET,
                        new String[] {PackProperties.FACTORY_PID})));
    }

    @Override
    public void stop(BundleContext context) {
        plugin.unregister();
    }
}
