package io.cellgate.gate;

import io.cellgate.api.config.RefusalGate;
import java.io.IOException;
import java.util.Map;
import java.util.function.Consumer;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.cm.ConfigurationPlugin;

/**
 * Puts a bundle's configurations of one factory PID through a {@link RefusalGate} before SCR hands them to the
 * component: a refused one is logged once per change of its file and never activated. A bundle activator rather than
 * a component on purpose: SCR reads the bundle's configurations only once the activator has returned, so none can
 * reach the component unchecked. A subclass names what it checks; the bundle declares it as its activator.
 */
public abstract class GateActivator implements BundleActivator {

    private final String what;
    private final String idProperty;
    private final RefusalGate.Check check;
    private final String factoryPid;
    private final InlineSecrets secrets;
    private Registration registration;
    private ServiceRegistration<ConfigurationListener> scrubber;

    /** @see RefusalGate#RefusalGate */
    protected GateActivator(String what, String idProperty, RefusalGate.Check check, String factoryPid) {
        this(what, idProperty, check, factoryPid, Map.of());
    }

    /**
     * @param secrets the inline keys of secrets to refuse and keep out of Config Admin's store, each to the file
     *                property that replaces it ({@link InlineSecrets})
     */
    protected GateActivator(String what, String idProperty, RefusalGate.Check check, String factoryPid,
            Map<String, String> secrets) {
        this.what = what;
        this.idProperty = idProperty;
        this.secrets = new InlineSecrets(secrets);
        this.check = this.secrets.guard(check);
        this.factoryPid = factoryPid;
    }

    @Override
    public void start(BundleContext context) {
        OsgiLog log = new OsgiLog(context, getClass().getName());
        RefusalGate gate = new RefusalGate(what, idProperty, check, log::error);
        registration = register(context, factoryPid, (target, properties) -> {
            secrets.strip(properties); // neither SCR nor scr:info ever sees an inline secret
            gate.process(properties);
        }, gate::forget);
        if (!secrets.isEmpty()) {
            scrubber = context.registerService(ConfigurationListener.class, event -> {
                if (event.getType() == ConfigurationEvent.CM_UPDATED && factoryPid.equals(event.getFactoryPid())) {
                    scrub(context, event.getReference(), "(service.pid=" + event.getPid() + ")", log);
                }
            }, null);
            // what Config Admin stored before this bundle started (FileInstall reads config/ first)
            ServiceReference<ConfigurationAdmin> admin = context.getServiceReference(ConfigurationAdmin.class);
            if (admin != null) {
                scrub(context, admin, "(service.factoryPid=" + factoryPid + ")", log);
            }
        }
    }

    /** Config Admin stored what FileInstall gave it: an inline secret is taken out of the store at once. */
    private void scrub(BundleContext context, ServiceReference<ConfigurationAdmin> reference, String filter,
            OsgiLog log) {
        ConfigurationAdmin admin = context.getService(reference);
        if (admin == null) {
            return;
        }
        try {
            Configuration[] stored = admin.listConfigurations(filter);
            for (Configuration c : stored == null ? new Configuration[0] : stored) {
                secrets.scrub(c);
            }
        } catch (IOException | InvalidSyntaxException | IllegalStateException e) {
            log.error(what + " " + filter + ": could not take an inline secret out of Config Admin's store ("
                    + e.getMessage() + "): remove it from the configuration file");
        } finally {
            context.ungetService(reference);
        }
    }

    @Override
    public void stop(BundleContext context) {
        if (scrubber != null) {
            scrubber.unregister();
        }
        registration.close();
    }

    /** The gate's two services; closing unregisters both. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Registers {@code gate} as the Configuration Admin plugin of {@code factoryPid}'s configurations, and tells
     * {@code forget} of a configuration deleted, so one made again (a file removed, then dropped back) starts afresh.
     */
    public static Registration register(BundleContext context, String factoryPid, ConfigurationPlugin gate,
            Consumer<String> forget) {
        ServiceRegistration<ConfigurationPlugin> plugin = context.registerService(ConfigurationPlugin.class, gate,
                FrameworkUtil.asDictionary(Map.of(ConfigurationPlugin.CM_TARGET, new String[] {factoryPid})));
        ServiceRegistration<ConfigurationListener> deletions = context.registerService(ConfigurationListener.class,
                event -> {
                    if (event.getType() == ConfigurationEvent.CM_DELETED) {
                        forget.accept(event.getPid());
                    }
                }, null);
        return () -> {
            deletions.unregister();
            plugin.unregister();
        };
    }
}
