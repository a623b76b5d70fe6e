package io.cellgate.pack.internal;

import io.cellgate.api.runtime.PackProperties;
import java.util.Map;
import org.osgi.annotation.bundle.Header;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.cm.ConfigurationPlugin;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Registers {@link PackIdDefaults} for the pack configurations, and {@link PluginFolders} for FileInstall's plugin
 * folders. Not a DS component on purpose: SCR reads a component's configuration when it takes up the bundle, which
 * happens only once this activator has returned, so no controller can ever be configured before the plugin is there
 * (a DS component could be registered after SCR has already read the pack configurations without it). The
 * assemblies start FileInstall after this bundle for the same reason: its plugin folder is made before it looks.
 */
@Header(name = Constants.BUNDLE_ACTIVATOR, value = "${@class}")
public final class PackRuntimeActivator implements BundleActivator {

    private ServiceRegistration<ConfigurationPlugin> plugin;
    private ServiceRegistration<ConfigurationListener> deletions;
    private ServiceRegistration<ConfigurationPlugin> folderPlugin;
    private PluginFolders folders;

    @Override
    public void start(BundleContext context) {
        folders = new PluginFolders(new OsgiLog(context, PluginFolders.class.getName()));
        PackIdDefaults defaults = new PackIdDefaults(new OsgiLog(context, PackIdDefaults.class.getName())::error);
        plugin = context.registerService(ConfigurationPlugin.class, defaults,
                FrameworkUtil.asDictionary(Map.of(ConfigurationPlugin.CM_TARGET,
                        new String[] {PackProperties.FACTORY_PID})));
        deletions = context.registerService(ConfigurationListener.class, event -> {
            if (event.getType() == ConfigurationEvent.CM_DELETED) {
                defaults.forget(event.getPid());
            }
        }, null);
        context.addBundleListener(folders);
        folderPlugin = context.registerService(ConfigurationPlugin.class, folders,
                FrameworkUtil.asDictionary(Map.of(ConfigurationPlugin.CM_TARGET,
                        new String[] {PluginFolders.FILEINSTALL_PID})));
    }

    @Override
    public void stop(BundleContext context) {
        folderPlugin.unregister();
        context.removeBundleListener(folders);
        deletions.unregister();
        plugin.unregister();
    }

    /** The OSGi log, looked up at each message: it starts before this bundle, and may be updated while we run. */
    private record OsgiLog(BundleContext context, String name) implements PluginFolders.Log {
        @Override
        public void info(String message) {
            Logger log = logger();
            if (log != null) {
                log.info(message);
            }
        }

        @Override
        public void warn(String message) {
            Logger log = logger();
            if (log != null) {
                log.warn(message);
            }
        }

        /** A refused pack configuration. */
        public void error(String message) {
            Logger log = logger();
            if (log != null) {
                log.error(message);
            }
        }

        private Logger logger() {
            ServiceReference<LoggerFactory> ref = context.getServiceReference(LoggerFactory.class);
            LoggerFactory factory = ref == null ? null : context.getService(ref);
            if (factory == null) {
                return null;
            }
            try {
                return factory.getLogger(context.getBundle(), name, Logger.class);
            } finally {
                context.ungetService(ref);
            }
        }
    }
}
