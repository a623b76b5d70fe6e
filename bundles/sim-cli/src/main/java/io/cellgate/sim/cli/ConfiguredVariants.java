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
    private int sweeps;

    ConfiguredVariants(BundleContext context, Supplier<ConfigurationAdmin> admin, Supplier<MetaTypeService> metaType,
            Supplier<LogReaderService> logReader) {
        this.context = context;
        this.admin = admin;
        this.metaType = metaType;
        this.logReader = logReader;
    }

    @Override
    public List<BalancerModel> create(BalancerModel base, List<Map<String, String>> values, List<String> refusals) {
        ConfigurationAdmin ca = admin.get();
        if (ca == null) {
            throw new ScenarioError(ScenarioError.INTERNAL, "no Configuration Admin to make variants with");
        }
        ServiceReference<BalancerModel> baseRef = reference(base.descriptor().model(), base.descriptor().variant());
        String factoryPid = factoryPid(baseRef, base);
        Map<String, Object> common = baseProperties(ca, baseRef);
        String prefix = "sweep" + (++sweeps) + "-";
        Map<String, String> refused = new ConcurrentHashMap<>();
        LogListener listener = entry -> {
            if (isProblem(entry)) {
                String m = entry.getMessage();
                int at = m == null ? -1 : m.indexOf(prefix);
                if (at >= 0) {
                    int end = at + prefix.length();
                    while (end < m.length() && Character.isDigit(m.charAt(end))) {
                        end++;
                    }
                    refused.putIfAbsent(m.substring(at, end), m);
                }
            }
        };
        LogReaderService reader = logReader.get();
        if (reader != null) {
            reader.addLogListener(listener);
        }
        try {
            for (int i = 0; i < values.size(); i++) {
                Dictionary<String, Object> p = new Hashtable<>(common);
                values.get(i).forEach(p::put);
                p.put(BalancerModel.VARIANT, prefix + i);
                try {
                    Configuration c = ca.getFactoryConfiguration(factoryPid, prefix + i, "?");
                    made.add(c);
                    c.update(p);
                } catch (IOException | IllegalArgumentException e) {
                    refused.put(prefix + i, e.getMessage());
                }
            }
            Map<String, ServiceReference<BalancerModel>> found = await(base.descriptor().model(), prefix, values.size(),
                    refused);
            List<BalancerModel> models = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                ServiceReference<BalancerModel> ref = found.get(prefix + i);
                BalancerModel m = ref == null ? null : context.getService(ref);
                if (m != null) {
                    used.add(ref);
                }
                models.add(m);
                refusals.add(m != null ? null : refused.getOrDefault(prefix + i, base.descriptor().model()
                        + " did not register this variant within " + WAIT_MILLIS / 1000 + " s"));
            }
            return models;
        } finally {
            if (reader != null) {
                reader.removeLogListener(listener);
            }
        }
    }

    /** Waits until every variant has registered or been refused, or the wait is over. */
    private Map<String, ServiceReference<BalancerModel>> await(String model, String prefix, int count,
            Map<String, String> refused) {
        long end = System.currentTimeMillis() + WAIT_MILLIS;
        Map<String, ServiceReference<BalancerModel>> found = new HashMap<>();
        while (true) {
            found.clear();
            for (ServiceReference<BalancerModel> r : references("(&(" + BalancerModel.MODEL + "=" + model + ")("
                    + BalancerModel.VARIANT + "=" + prefix + "*))")) {
                found.put(String.valueOf(r.getProperty(BalancerModel.VARIANT)), r);
            }
            int settled = found.size();
            for (String name : refused.keySet()) {
                settled += found.containsKey(name) ? 0 : 1;
            }
            if (settled >= count || System.currentTimeMillis() > end) {
                return found;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return found;
            }
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
        for (ServiceReference<BalancerModel> r : used) {
            context.ungetService(r);
        }
        used.clear();
        for (Configuration c : made) {
            try {
                c.delete();
            } catch (IOException | IllegalStateException e) {
                // the framework stops with the command: its configurations go with it
            }
        }
        made.clear();
    }

    /** A refusal is logged as an error (or a warning, by a plugin that says so). */
    static boolean isProblem(LogEntry e) {
        return e.getLogLevel() == LogLevel.ERROR || e.getLogLevel() == LogLevel.WARN;
    }
}
