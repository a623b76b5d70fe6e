package io.cellgate.sim.cli;

import io.cellgate.api.balancer.BalancerModel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;

/**
 * A sweep's variants made the way an operator makes one: a factory configuration of the model's variant PID (the
 * base variant's own, or the one its bundle's metatype declares), with the base variant's properties, the swept
 * values and a variant name of its own. The model's bundle checks it as it checks a file in {@code config/}: a
 * refused configuration never registers, and the refusal it logs is the reason the sweep reports. Every
 * configuration made is deleted by {@link #close()}.
 */
final class ConfiguredVariants implements ScenarioCli.Variants {

    /** Longest wait for the variants of one model: a DS component each. */
    static final long WAIT_MILLIS = 30_000;
    /** Properties of a configuration that belong to Config Admin or FileInstall, not to the variant. */
    private static final List<String> NOT_COPIED = List.of(Constants.SERVICE_PID, ConfigurationAdmin.SERVICE_FACTORYPID,
            ConfigurationAdmin.SERVICE_BUNDLELOCATION, "felix.fileinstall.filename", BalancerModel.VARIANT);

    private final BundleContext context;
    private final Supplier<ConfigurationAdmin> admin;
    private final Supplier<MetaTypeService> metaType;
    private final Supplier<LogReaderService> logReader;
    private final List<Configuration> made = new ArrayList<>();
    private final List<ServiceReference<BalancerModel>> used = new ArrayList<>();
    private final List<Thread> makers = new ArrayList<>();
    private final List<Runnable> listeners = new ArrayList<>();
    private int sweeps;

    ConfiguredVariants(BundleContext context, Supplier<ConfigurationAdmin> admin, Supplier<MetaTypeService> metaType,
            Supplier<LogReaderService> logReader) {
        this.context = context;
        this.admin = admin;
        this.metaType = metaType;
        this.logReader = logReader;
    }

    @Override
    public List<ScenarioCli.Pending> create(BalancerModel base, List<Map<String, String>> values) {
        ConfigurationAdmin ca = admin.get();
        if (ca == null) {
            throw new ScenarioError(ScenarioError.INTERNAL, "no Configuration Admin to make variants with");
        }
        String model = base.descriptor().model();
        ServiceReference<BalancerModel> baseRef = reference(model, base.descriptor().variant());
        String factoryPid = factoryPid(baseRef, base);
        Map<String, Object> common = baseProperties(ca, baseRef);
        String prefix = "sweep" + (++sweeps) + "-";
        Map<String, String> refused = new ConcurrentHashMap<>();
        LogListener listener = entry -> {
            String m = entry.getMessage();
            int at = m == null || !isProblem(entry) ? -1 : m.indexOf(prefix);
            if (at >= 0) {
                int end = at + prefix.length();
                while (end < m.length() && Character.isDigit(m.charAt(end))) {
                    end++;
                }
                refused.putIfAbsent(m.substring(at, end), m);
            }
        };
        LogReaderService reader = logReader.get();
        if (reader != null) {
            reader.addLogListener(listener);
            listeners.add(() -> reader.removeLogListener(listener));
        }
        // made one after another in the background, while the first ones already run
        Map<String, Long> updated = new ConcurrentHashMap<>();
        Thread maker = new Thread(() -> {
            for (int i = 0; i < values.size() && !Thread.currentThread().isInterrupted(); i++) {
                Dictionary<String, Object> p = new Hashtable<>(common);
                values.get(i).forEach(p::put);
                p.put(BalancerModel.VARIANT, prefix + i);
                try {
                    Configuration c = ca.getFactoryConfiguration(factoryPid, prefix + i, "?");
                    synchronized (made) {
                        made.add(c);
                    }
                    c.update(p);
                } catch (IOException | RuntimeException e) {
                    refused.put(prefix + i, "cannot make the variant: " + e.getMessage());
                }
                updated.put(prefix + i, System.currentTimeMillis());
            }
        }, "scenario-sweep-variants");
        maker.setDaemon(true);
        maker.start();
        makers.add(maker);
        List<ScenarioCli.Pending> pending = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            pending.add(new Variant(model, prefix + i, refused, updated));
        }
        return pending;
    }

    /** One variant: registered by the model's bundle, or refused in its log, or neither within the wait. */
    private final class Variant implements ScenarioCli.Pending {
        private final String model;
        private final String name;
        private final Map<String, String> refused;
        private final Map<String, Long> updated;
        private volatile String refusal;

        Variant(String model, String name, Map<String, String> refused, Map<String, Long> updated) {
            this.model = model;
            this.name = name;
            this.refused = refused;
            this.updated = updated;
        }

        @Override
        public BalancerModel await() {
            String filter = "(&(" + BalancerModel.MODEL + "=" + model + ")(" + BalancerModel.VARIANT + "=" + name + "))";
            while (true) {
                Collection<ServiceReference<BalancerModel>> refs = references(filter);
                if (!refs.isEmpty()) {
                    ServiceReference<BalancerModel> ref = refs.iterator().next();
                    BalancerModel m = context.getService(ref);
                    if (m != null) {
                        synchronized (used) {
                            used.add(ref);
                        }
                        return m;
                    }
                }
                String why = refused.get(name);
                Long since = updated.get(name);
                if (why != null || (since != null && System.currentTimeMillis() - since > WAIT_MILLIS)) {
                    refusal = why != null ? why : model + " did not register this variant within "
                            + WAIT_MILLIS / 1000 + " s";
                    return null;
                }
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    refusal = "interrupted";
                    return null;
                }
            }
        }

        @Override
        public String refusal() {
            return refusal;
        }
    }

    private ServiceReference<BalancerModel> reference(String model, String variant) {
        Collection<ServiceReference<BalancerModel>> refs = references("(&(" + BalancerModel.MODEL + "=" + model + ")("
                + BalancerModel.VARIANT + "=" + variant + "))");
        return refs.isEmpty() ? null : refs.iterator().next();
    }

    private Collection<ServiceReference<BalancerModel>> references(String filter) {
        try {
            return context.getServiceReferences(BalancerModel.class, filter);
        } catch (InvalidSyntaxException e) {
            throw new ScenarioError(ScenarioError.USAGE, "a model name makes no filter: " + filter);
        }
    }

    /** The base's own factory PID, else the one factory PID its bundle's metatype declares. */
    private String factoryPid(ServiceReference<BalancerModel> ref, BalancerModel base) {
        String name = base.descriptor().qualifiedName();
        if (ref == null) {
            throw new ScenarioError(ScenarioError.UNKNOWN_MODEL, name + " is not registered as a service");
        }
        Object own = ref.getProperty(ConfigurationAdmin.SERVICE_FACTORYPID);
        if (own instanceof String s) {
            return s;
        }
        MetaTypeService mts = metaType.get();
        MetaTypeInformation info = mts == null ? null : mts.getMetaTypeInformation(ref.getBundle());
        String[] pids = info == null ? new String[0] : info.getFactoryPids();
        if (pids.length != 1) {
            throw new ScenarioError(ScenarioError.NOT_FIT, name + " has no variants to sweep: its bundle "
                    + ref.getBundle().getSymbolicName() + " declares " + (pids.length == 0 ? "no factory configuration"
                            : pids.length + " factory configurations") + " for variants");
        }
        return pids[0];
    }

    /** The base variant's configuration, without what belongs to Config Admin, or nothing for a built-in variant. */
    private static Map<String, Object> baseProperties(ConfigurationAdmin ca, ServiceReference<BalancerModel> ref) {
        Map<String, Object> p = new HashMap<>();
        Object pid = ref.getProperty(Constants.SERVICE_PID);
        if (!(pid instanceof String) || ref.getProperty(ConfigurationAdmin.SERVICE_FACTORYPID) == null) {
            return p;
        }
        try {
            Configuration[] found = ca.listConfigurations("(" + Constants.SERVICE_PID + "=" + pid + ")");
            if (found != null && found.length > 0 && found[0].getProperties() != null) {
                Dictionary<String, Object> d = found[0].getProperties();
                for (Enumeration<String> keys = d.keys(); keys.hasMoreElements();) {
                    String k = keys.nextElement();
                    if (!NOT_COPIED.contains(k)) {
                        p.put(k, d.get(k));
                    }
                }
            }
        } catch (IOException | InvalidSyntaxException e) {
            throw new ScenarioError(ScenarioError.INTERNAL, "cannot read the configuration of " + pid + ": "
                    + e.getMessage());
        }
        return p;
    }

    @Override
    public void close() {
        for (Thread t : makers) {
            t.interrupt();
            try {
                t.join(WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        makers.clear();
        listeners.forEach(Runnable::run);
        listeners.clear();
        synchronized (used) {
            for (ServiceReference<BalancerModel> r : used) {
                context.ungetService(r);
            }
            used.clear();
        }
        synchronized (made) {
            for (Configuration c : made) {
                try {
                    c.delete();
                } catch (IOException | IllegalStateException e) {
                    // the framework stops with the command: its configurations go with it
                }
            }
            made.clear();
        }
    }

    /** A refusal is logged as an error (or a warning, by a plugin that says so). */
    static boolean isProblem(LogEntry e) {
        return e.getLogLevel() == LogLevel.ERROR || e.getLogLevel() == LogLevel.WARN;
    }
}
