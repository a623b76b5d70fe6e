package io.cellgate.itests;

import io.cellgate.api.balancer.Balancer;
import io.cellgate.api.balancer.BalancerModel;
import io.cellgate.api.balancer.ModelDescriptor;
import io.cellgate.api.balancer.Topology;
import io.cellgate.api.driver.CellVoltageSource;
import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.runtime.Pack;
import io.cellgate.api.runtime.PackProperties;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogReaderService;

/**
 * What the integration tests share: the gateway's bundle set, configuring packs, the shell, and waiting for what the
 * gateway does. Public, with a public {@code @Configuration}, because Pax Exam finds it by reflection on the subclass.
 */
public abstract class GatewaySupport {

    static final long TIMEOUT_MS = 10_000;
    /** The balancer target of a pack on the EK-L20S1A board as its datasheet describes it. */
    static final String EK_DATASHEET = "(&(cellgate.model=EK-L20S1A)(cellgate.variant=datasheet))";

    @org.ops4j.pax.exam.Configuration
    public Option[] config() {
        return GatewayOptions.gateway();
    }

    BundleContext context() {
        return FrameworkUtil.getBundle(getClass()).getBundleContext();
    }

    ConfigurationAdmin configAdmin() {
        ServiceReference<ConfigurationAdmin> ref = context().getServiceReference(ConfigurationAdmin.class);
        return context().getService(ref);
    }

    /** A Gogo session of the gateway's command processor that reads nothing and whose printing nobody reads. */
    CommandSession quietSession() {
        CommandProcessor processor = context().getService(context().getServiceReference(CommandProcessor.class));
        return processor.createSession(new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
    }

    /** A simulated pack and its controller, both by factory configuration, as config/ does. */
    Configuration[] simulatedPack(String id, int cells, String chemistry, String balancerTarget, long tickMs)
            throws Exception {
        return simulatedPack(id, cells, chemistry, balancerTarget, tickMs, Map.of());
    }

    /** As above, with extra properties of the simulated pack (e.g. time.scale, soc.spread.percent). */
    Configuration[] simulatedPack(String id, int cells, String chemistry, String balancerTarget, long tickMs,
            Map<String, Object> simProperties) throws Exception {
        return new Configuration[] {simulation(id, cells, chemistry, simProperties),
            pack(id, cells, chemistry, balancerTarget, tickMs)};
    }

    /** A simulated pack alone: the drivers of pack {@code id}, with no controller yet. */
    Configuration simulation(String id, int cells, String chemistry, Map<String, Object> simProperties)
            throws Exception {
        Dictionary<String, Object> sim = new Hashtable<>();
        sim.put(CellVoltageSource.PACK, id);
        sim.put("cells", cells);
        sim.put("chemistry", chemistry);
        simProperties.forEach(sim::put);
        Configuration simConfig = configAdmin().getFactoryConfiguration("io.cellgate.sim.pack", unique(id), "?");
        simConfig.update(sim);
        return simConfig;
    }

    Configuration pack(String id, int cells, String chemistry, String balancerTarget, long tickMs) throws Exception {
        return pack(id, packProperties(id, cells, chemistry, balancerTarget, tickMs));
    }

    /** A pack of {@code properties}, by factory configuration as a file in config/ makes one. */
    Configuration pack(String id, Dictionary<String, Object> properties) throws Exception {
        Configuration c = configAdmin().getFactoryConfiguration(PackProperties.FACTORY_PID, unique(id), "?");
        c.update(properties);
        return c;
    }

    /** A pack as an operator writes it: the driver targets are left to default from the pack id. */
    static Dictionary<String, Object> packProperties(String id, int cells, String chemistry, String balancerTarget,
            long tickMs) {
        Dictionary<String, Object> p = new Hashtable<>();
        p.put(PackProperties.PACK_ID, id);
        p.put(PackProperties.CELLS, cells);
        p.put(PackProperties.CHEMISTRY, chemistry);
        p.put(PackProperties.TICK_MS, tickMs);
        p.put(PackProperties.BALANCER_TARGET, balancerTarget);
        return p;
    }

    /** The two files of a pack in FileInstall's watched folder: its simulated pack's and its controller's. */
    record PackFiles(Path sim, Path pack) {
    }

    /**
     * Pack {@code id} on a simulated pack, written into the watched folder as an operator writes it, with explicit
     * driver targets and {@code header} (comment lines, or nothing) at the top of the pack's file.
     */
    PackFiles writePackFiles(String header, String id, int cells, String chemistry, long tickMs, String balancerTarget)
            throws IOException {
        Path dir = Path.of(context().getProperty("felix.fileinstall.dir"));
        PackFiles files = new PackFiles(dir.resolve("io.cellgate.sim.pack-" + id + ".cfg"),
                dir.resolve("io.cellgate.pack-" + id + ".cfg"));
        String target = "(cellgate.pack=" + id + ")";
        Files.writeString(files.sim(), "cellgate.pack=" + id + "\ncells=" + cells + "\nchemistry=" + chemistry + "\n");
        Files.writeString(files.pack(), header + "pack.id=" + id + "\ncells=" + cells + "\nchemistry=" + chemistry
                + "\ntick.ms=" + tickMs + "\nbalancer.target=" + balancerTarget + "\nsource.target=" + target
                + "\noutputs.target=" + target + "\nindicators.target=" + target + "\n");
        return files;
    }

    private static final java.util.concurrent.atomic.AtomicInteger CONFIGS = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * A fresh factory configuration name each time: Config Admin delivers a delete and a re-create of the same name
     * asynchronously, and SCR may see them in the wrong order.
     */
    static String unique(String id) {
        return id + "-" + CONFIGS.incrementAndGet();
    }

    /** The running pack {@code id}, found by the service property the Pack contract promises. */
    Pack pack(String id) {
        try {
            var refs = context().getServiceReferences(Pack.class, "(" + PackProperties.PACK + "=" + id + ")");
            return refs.isEmpty() ? null : context().getService(refs.iterator().next());
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    Pack awaitPack(String id) throws InterruptedException {
        await("pack " + id + " to run", () -> pack(id) != null);
        return pack(id);
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        await(what, condition, () -> "");
    }

    /** Waits for {@code condition}; on time-out says what was seen instead. */
    static void await(String what, BooleanSupplier condition, java.util.function.Supplier<String> seen)
            throws InterruptedException {
        long end = System.currentTimeMillis() + TIMEOUT_MS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("timed out after " + TIMEOUT_MS + " ms waiting for " + what + " "
                        + seen.get());
            }
            Thread.sleep(20);
        }
    }
    /** A balancer model of the test's own, for any pack, registered as a plugin would register it. */
    ServiceRegistration<BalancerModel> registerModel(String model, String variant, Balancer balancer) {
        BalancerModel m = new BalancerModel() {
            @Override
            public ModelDescriptor descriptor() {
                return new ModelDescriptor(model, variant, "test", 2, 48, EnumSet.allOf(Chemistry.class),
                        Topology.ADJACENT, 1.0, Map.of());
            }

            @Override
            public Balancer create(PackDescription pack) {
                return balancer;
            }
        };
        return context().registerService(BalancerModel.class, m,
                new Hashtable<>(Map.of(BalancerModel.MODEL, model, BalancerModel.VARIANT, variant)));
    }

    static void unregister(ServiceRegistration<?>... registrations) {
        for (ServiceRegistration<?> r : registrations) {
            r.unregister();
        }
    }

    /** How many entries of the OSGi log contain {@code text}. */
    int countLogged(String text) {
        LogReaderService reader = context().getService(context().getServiceReference(LogReaderService.class));
        int n = 0;
        for (Enumeration<LogEntry> e = reader.getLog(); e.hasMoreElements();) {
            if (e.nextElement().getMessage().contains(text)) {
                n++;
            }
        }
        return n;
    }

    /** True when the OSGi log holds an entry that contains {@code text}. */
    boolean logged(String text) {
        return countLogged(text) > 0;
    }

}
