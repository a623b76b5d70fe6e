package io.cellgate.export.file;

import io.cellgate.api.config.RefusalGate;
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
 * Checks each recorder configuration before SCR hands it to {@link FileRecorder} ({@link RefusalGate}): a
 * refused one is logged once per change of its file and never activated, so no pack binding its listener makes
 * SCR try it again. A bundle activator rather than a component: SCR reads this bundle's
 * configurations only once the activator has returned, so none can reach the component unchecked.
 */
@Header(name = Constants.BUNDLE_ACTIVATOR, value = "${@class}")
public final class FileRecorderGate implements BundleActivator {

    private ServiceRegistration<ConfigurationPlugin> plugin;
    private ServiceRegistration<ConfigurationListener> deletions;

    @Override
    public void start(BundleContext context) {
        RefusalGate gate = new RefusalGate("recorder", "directory",
                RecorderSettings::check, message -> logError(context, message));
        plugin = context.registerService(ConfigurationPlugin.class, (target, properties) -> gate.process(properties),
                FrameworkUtil.asDictionary(Map.of(ConfigurationPlugin.CM_TARGET,
                        new String[] {FileRecorder.PID})));
        // A configuration deleted and made again (a file removed, then dropped back) starts afresh.
        deletions = context.registerService(ConfigurationListener.class, event -> {
            if (event.getType() == ConfigurationEvent.CM_DELETED) {
                gate.forget(event.getPid());
            }
        }, null);
    }

    @Override
    public void stop(BundleContext context) {
        deletions.unregister();
        plugin.unregister();
    }

    /** The OSGi log, looked up at each refusal: refusals are rare, and the log may be updated meanwhile. */
    private static void logError(BundleContext context, String message) {
        ServiceReference<LoggerFactory> ref = context.getServiceReference(LoggerFactory.class);
        LoggerFactory factory = ref == null ? null : context.getService(ref);
        if (factory == null) {
            System.err.println(message); // no log service: the console still tells the operator
            return;
        }
        try {
            factory.getLogger(context.getBundle(), FileRecorderGate.class.getName(), Logger.class).error(message);
        } finally {
            context.ungetService(ref);
        }
    }
}
