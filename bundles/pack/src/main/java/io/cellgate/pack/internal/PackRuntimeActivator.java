package io.cellgate.pack.internal;

import io.cellgate.api.runtime.PackProperties;
import io.cellgate.gate.GateActivator;
import io.cellgate.gate.OsgiLog;
import java.util.Map;
import org.osgi.annotation.bundle.Header;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationPlugin;

/**
 * Registers {@link PackIdDefaults} for the pack configurations, and {@link PluginFolders} for FileInstall's plugin
 * folders. Not a DS component on purpose: SCR reads a component's configuration when it takes up the bundle, which
 * happens only once this activator has returned, so no controller can ever be configured before the plugin is there
 * (a DS component could be registered after SCR has already read the pack configurations without it). The
 * assemblies start FileInstall after this bundle for the same reason: its plugin folder is made before it looks.
 */
@Header(name = Constants.BUNDLE_ACTIVATOR, value = "${@class}")
public final class PackRuntimeActivator implements BundleActivator {

    private GateActivator.Registration gate;
    private ServiceRegistration<ConfigurationPlugin> folderPlugin;
    private PluginFolders folders;

    @Override
    public void start(BundleContext context) {
        OsgiLog foldersLog = new OsgiLog(context, PluginFolders.class.getName());
        folders = new PluginFolders(new PluginFolders.Log() {
            @Override
            public void info(String message) {
                foldersLog.info(message);
            }

            @Override
            public void warn(String message) {
                foldersLog.warn(message);
            }
        });
        PackIdDefaults defaults = new PackIdDefaults(new OsgiLog(context, PackIdDefaults.class.getName())::error);
        gate = GateActivator.register(context, PackProperties.FACTORY_PID, defaults, defaults::forget);
        context.addBundleListener(folders);
        folderPlugin = context.registerService(ConfigurationPlugin.class, folders,
                FrameworkUtil.asDictionary(Map.of(ConfigurationPlugin.CM_TARGET,
                        new String[] {PluginFolders.FILEINSTALL_PID})));
    }

    @Override
    public void stop(BundleContext context) {
        folderPlugin.unregister();
        context.removeBundleListener(folders);
        gate.close();
    }
}
