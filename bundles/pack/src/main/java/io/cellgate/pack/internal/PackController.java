package io.cellgate.pack.internal;

import io.cellgate.api.balancer.BalancerModel;
import io.cellgate.api.driver.BalanceOutput;
import io.cellgate.api.driver.CellVoltageSource;
import io.cellgate.api.driver.IndicatorOutput;
import io.cellgate.api.insight.ActiveAlert;
import io.cellgate.api.insight.PackInsight;
import io.cellgate.api.insight.PackInsights;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.runtime.Pack;
import io.cellgate.api.runtime.PackProperties;
import io.cellgate.api.runtime.TickStats;
import io.cellgate.api.runtime.TickSummary;
import io.cellgate.api.telemetry.PackListener;
import io.cellgate.api.telemetry.PackState;
import io.cellgate.api.telemetry.PackView;
import io.cellgate.api.time.TickClock;
import io.cellgate.engine.PackEngine;
import io.cellgate.engine.PackEvents;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.ComponentConstants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The controller of one pack, one instance per factory configuration {@value PackProperties#FACTORY_PID}.
 *
 * <p>Every plugin it uses is a dynamic, greedy, optional reference whose target comes from the configuration, so
 * that changing {@code balancer.target} rebinds the model under a running controller (through {@link #modified})
 * without restarting it: no tick is lost and the new model decides in the next tick. A missing service only makes
 * the pack fail-safe. The driver targets and the {@value PackProperties#PACK} service property follow from the
 * pack's id ({@link PackIdDefaults}), and a configuration whose targets would let it bind another pack's is refused;
 * whatever is bound, a tick uses only drivers registered for the pack id it holds. It runs only while it holds its
 * pack id ({@link PackIds}): a second configuration of one id waits, with no tick, no output touched and no Pack
 * service, and runs once the id is free. It registers its {@link Pack} service itself when it runs, rather than
 * through DS, which registers a component's service before it activates and whatever it decides.
 *
 * <p>The {@link TickWatchdogComponent watchdog} watches its ticks: when none completes within
 * {@value PackSettings#STALL_TICKS} periods it turns the outputs off from its own thread, without waiting for the
 * tick, and the pack reads {@link io.cellgate.api.pack.PackHealth#STALLED} until a tick completes again.
 */
@Component(configurationPid = PackProperties.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true, service = {})
@Designate(ocd = PackConfig.class, factory = true)
public final class PackController implements Pack {

    private final TickClock clock;
    private final TickWatchdogComponent watchdog;
    private final PackIds ids;
    private final PackIds.Claimant claimant;
    private final Logger log;
    private final PackEvents events;

    private volatile BalancerModel balancer;

    /** A bound driver and the pack it is registered for. */
    private record Driver<T>(T service, Object pack) {
        Driver(T service, Map<String, Object> properties) {
            this(service, properties.get(PackProperties.PACK));
        }
    }

    private volatile Driver<CellVoltageSource> source;
    private volatile Driver<IndicatorOutput> indicators;
    private volatile Driver<BalanceOutput> outputs;

    @Reference(name = "listeners", policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<PackListener> listeners;

    /** The cell insight, where it runs: its alerts about this pack join the pack's fault list. */
    @Reference(name = "insights", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PackInsights insights;

    private volatile PackEngine engine;
    private PackSettings settings;
    private String balancerTarget;
    private TickClock.Cancellable schedule;
    private TickWatchdog.Watch watch;
    /** When the engine in use was made: a pack whose engine is new has not stalled yet. */
    private volatile long engineSinceNanos;
    private long nextDueNanos;
    private boolean healthy;
    /** The id this controller holds in {@link PackIds} and runs as; null while another pack holds its id. */
    private volatile String claimedId;
    private boolean active;
    private BundleContext context;
    private Map<String, Object> properties;
    private ServiceRegistration<Pack> registration;

    /** Checks the configuration and builds the engine; ticking starts in {@link #startTicking}. */
    @Activate
    public PackController(@Reference(name = "clock") TickClock clock,
            @Reference(name = "watchdog") TickWatchdogComponent watchdog, @Reference(name = "ids") PackIds ids,
            @Reference(name = "log", service = LoggerFactory.class) Logger log, PackConfig config,
            Map<String, Object> properties) {
        this.clock = clock;
        this.watchdog = watchdog;
        this.ids = ids;
        this.claimant = PackIds.claimant(properties);
        this.log = log;
        this.events = new LogEvents(log);
        try {
            settings = PackSettings.of(config);
            PackIdDefaults.checkTargets(properties);
        } catch (IllegalArgumentException e) {
            // SCR would log this as a stack trace; an operator should read the reason first.
            log.error("pack {}: configuration refused: {}", config.pack_id(), e.getMessage());
            throw e;
        }
        balancerTarget = config.balancer_target();
        engine = newEngine(settings);
    }

    /**
     * SCR binds the dynamic references (fields and bind methods) after the constructor and before this method, so
     * the very first tick, which the clock runs at once, already sees the source, the model and the listeners.
     */
    @Activate
    synchronized void startTicking(BundleContext bundleContext, Map<String, Object> config) {
        context = bundleContext;
        properties = config;
        active = true;
        run();
    }

    /** Claims the pack id and runs as that pack, or waits for the id, refused, running nothing. */
    private void run() {
        String id = settings.description().id();
        try {
            ids.claim(id, claimant, this::idFreed);
        } catch (IllegalArgumentException e) {
            log.error("pack {}: configuration refused: {}", id, e.getMessage());
            return;
        }
        claimedId = id;
        start();
        registration = context.registerService(Pack.class, this, serviceProperties(properties));
        log.info("{}: started, {} {} cells, tick {} ms", id, settings.description().cells(),
                settings.description().chemistry(), settings.tickMillis());
    }

    /** Told by {@link PackIds}, on a thread of its own, when the id this pack waits for is free. */
    private synchronized void idFreed() {
        if (active && claimedId == null) {
            run();
        }
    }

    /**
     * Stops running as the pack it was: ticks, Pack service, its own outputs off, the id let go.
     *
     * @return the pack it ran as, or null if it was waiting for its id
     */
    private PackDescription standDown() {
        if (claimedId == null) {
            return null;
        }
        unregister();
        stop();
        try {
            engine.awaitTickEnd(TimeUnit.MILLISECONDS.toNanos(settings.stallMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the outputs go off all the same
        }
        BalanceOutput out = own(outputs);
        if (out != null) {
            out.allOff();
        }
        log.info("{}: stopped after {} ticks", claimedId, engine.stats().ticks());
        ids.release(claimedId, claimant);
        claimedId = null;
        return engine.description();
    }

    /** Target changes rebind the references without coming here for more; pack and tick changes apply here. */
    /**
     * Set by the operator's actions (the shell's commands, the web console's) on the configuration they change, with
     * who asked (a private property, as its dot says).
     */
    static final String CHANGED_BY = ".cellgate.changed.by";

    @Modified
    void modified(PackConfig config, Map<String, Object> properties) {
        if (!config.balancer_target().equals(balancerTarget)) {
            // Who asked: the shell or the web console (they mark their changes), the file FileInstall read, or anything
            // else through Config Admin. Their mark wins: they also write the file, whose name the configuration keeps.
            Object shell = properties.get(CHANGED_BY);
            Object file = properties.get("felix.fileinstall.filename");
            log.info("{}: " + PackProperties.BALANCER_TARGET + " {} -> {} by {}", config.pack_id(), balancerTarget,
                    config.balancer_target(), shell != null ? shell : file == null ? "Config Admin" : file);
            balancerTarget = config.balancer_target();
        }
        PackSettings next;
        try {
            next = PackSettings.of(config);
        } catch (IllegalArgumentException e) {
            log.error("{}: configuration refused, keeping the running one: {}", settings.description().id(),
                    e.getMessage());
            return;
        }
        try {
            PackIdDefaults.checkTargets(properties);
        } catch (IllegalArgumentException e) {
            log.error("{}: configuration refused: {}", settings.description().id(), e.getMessage());
            return;
        }
        synchronized (this) {
            this.properties = properties;
            if (claimedId == null || !next.description().id().equals(claimedId)) {
                // Another id, or still waiting for this one: let go of what it ran as, and claim the id it has now.
                PackDescription was = standDown();
                if (was != null) {
                    log.info("{}: pack.id changed to {}", was.id(), next.description().id());
                    announceRemoval(was);
                }
                if (!next.description().equals(settings.description())) {
                    engine = newEngine(next);
                }
                settings = next;
                run();
                return;
            }
            if (!next.description().equals(settings.description())) {
                log.info("{}: pack changed to {} {} cells", next.description().id(), next.description().cells(),
                        next.description().chemistry());
                engine = newEngine(next);
            }
            if (next.tickMillis() != settings.tickMillis() || next.stallTicks() != settings.stallTicks()) {
                log.info("{}: tick {} ms -> {} ms, stalled after {} ticks", next.description().id(),
                        settings.tickMillis(), next.tickMillis(), next.stallTicks());
                stop();
                settings = next;
                engine.setPeriodNanos(TimeUnit.MILLISECONDS.toNanos(next.tickMillis()));
                start();
            }
            settings = next;
            registration.setProperties(serviceProperties(properties));
        }
    }

    @Deactivate
    synchronized void deactivate(int reason) {
        active = false;
        PackDescription was = standDown();
        ids.forget(claimant);
        // Only a pack that ran is gone: a refused duplicate's removal must not clear the running pack's telemetry.
        if (was != null && reason == ComponentConstants.DEACTIVATION_REASON_CONFIGURATION_DELETED) {
            announceRemoval(was);
        }
    }

    /**
     * The whiteboard hears that the pack is gone for good, so that exporters can clear what they keep of it. Told
     * here rather than by tracking Pack services, which would tie every exporter and every controller in a
     * reference cycle.
     */
    private void announceRemoval(PackDescription pack) {
        List<PackListener> heard = listeners;
        if (heard == null) {
            return;
        }
        for (PackListener l : heard) {
            try {
                l.onPackRemoved(pack);
            } catch (RuntimeException e) {
                log.warn("{}: telemetry listener {} failed on the pack's removal: {}", pack.id(),
                        l.getClass().getName(), e.getMessage());
            }
        }
    }

    /**
     * A new target binds the new model before the old one is unbound, so no tick sees the pack without a model; an
     * unbind clears the field only if it still holds the model going away.
     */
    @Reference(name = "balancer", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindBalancer(BalancerModel model) {
        balancer = model;
    }

    void unbindBalancer(BalancerModel model) {
        if (balancer == model) {
            balancer = null;
        }
    }

    @Reference(name = "outputs", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindOutputs(BalanceOutput out, Map<String, Object> props) {
        outputs = new Driver<>(out, props);
    }

    /**
     * An output driver of this pack that goes away is turned off first, so nothing stays switched on unseen; another
     * pack's (bound for a moment while the id changes) was never driven from here and is left to its own pack.
     */
    void unbindOutputs(BalanceOutput out, Map<String, Object> props) {
        Driver<BalanceOutput> was = outputs;
        if (was != null && was.service() == out) {
            outputs = null;
        }
        String id = claimedId;
        if (id != null && id.equals(props.get(PackProperties.PACK))) {
            out.allOff();
        }
    }

    @Reference(name = "source", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindSource(CellVoltageSource s, Map<String, Object> props) {
        source = new Driver<>(s, props);
    }

    void unbindSource(CellVoltageSource s) {
        Driver<CellVoltageSource> was = source;
        if (was != null && was.service() == s) {
            source = null;
        }
    }

    @Reference(name = "indicators", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindIndicators(IndicatorOutput leds, Map<String, Object> props) {
        indicators = new Driver<>(leds, props);
    }

    void unbindIndicators(IndicatorOutput leds) {
        Driver<IndicatorOutput> was = indicators;
        if (was != null && was.service() == leds) {
            indicators = null;
        }
    }

    /**
     * The driver if it is registered for the pack this controller runs as, else none: whatever a target lets SCR
     * bind (while an id changes, the targets follow before the controller does), a pack drives only its own.
     */
    private <T> T own(Driver<T> driver) {
        String id = claimedId;
        return driver != null && id != null && id.equals(driver.pack()) ? driver.service() : null;
    }

    /** What DS would publish: the configuration's public properties, {@value PackProperties#PACK} among them. */
    private static Hashtable<String, Object> serviceProperties(Map<String, Object> properties) {
        Hashtable<String, Object> p = new Hashtable<>();
        properties.forEach((k, v) -> {
            if (!k.startsWith(".") && !k.equals(Constants.SERVICE_ID) && !k.equals(Constants.OBJECTCLASS)) {
                p.put(k, v);
            }
        });
        return p;
    }

    private void unregister() {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
    }

    private PackEngine newEngine(PackSettings s) {
        PackEngine e = new PackEngine(s.description(), clock::nanoTime, System::currentTimeMillis,
                PackSettings.HISTORY_TICKS, events);
        e.setPeriodNanos(TimeUnit.MILLISECONDS.toNanos(s.tickMillis()));
        e.setStartupGraceNanos(TimeUnit.MILLISECONDS.toNanos(s.startupGraceMillis()));
        engineSinceNanos = clock.nanoTime();
        return e;
    }

    private void start() {
        long period = TimeUnit.MILLISECONDS.toNanos(settings.tickMillis());
        long deadline = TimeUnit.MILLISECONDS.toNanos(settings.stallMillis());
        long started = clock.nanoTime();
        nextDueNanos = started;
        watch = watchdog.watch(new TickWatchdog.Watched() {
            @Override
            public long nanosSinceProgress() {
                long progress = Math.max(Math.max(started, engineSinceNanos), engine.lastTickEndNanos());
                return clock.nanoTime() - progress;
            }

            @Override
            public long completedTicks() {
                return engine.completedTicks();
            }

            @Override
            public void stalled(long seenTicks, long stalledNanos) {
                failSafe(seenTicks, stalledNanos, deadline);
            }
        }, deadline);
        schedule = clock.schedule(() -> tick(period, deadline), period);
    }

    private void stop() {
        if (schedule != null) {
            schedule.close();
            schedule = null;
        }
        if (watch != null) {
            watch.close();
            watch = null;
        }
    }

    /**
     * The watchdog's action, on a thread of its own while a tick hangs: outputs off first, through the driver's own
     * path (it must not wait for the hung drive), then the pack published as stalled and the LEDs to fail-safe.
     */
    private void failSafe(long seenTicks, long stalledNanos, long deadlineNanos) {
        BalanceOutput out = own(outputs);
        if (out != null) {
            try {
                out.allOff();
            } catch (Throwable t) {
                log.error("{}: the balance output failed to turn off while the pack is stalled", settings
                        .description().id(), t);
            }
        }
        String reason = "no tick completed for " + TimeUnit.NANOSECONDS.toMillis(stalledNanos) + " ms (deadline "
                + TimeUnit.NANOSECONDS.toMillis(deadlineNanos) + " ms): balance outputs off until a tick completes";
        PackState stalled = engine.markStalled(seenTicks, reason, listeners);
        IndicatorOutput leds = own(indicators);
        if (stalled != null && leds != null) {
            try {
                leds.show(stalled.decision());
            } catch (Throwable t) {
                log.error("{}: the indicators failed to show the fail-safe state while the pack is stalled",
                        settings.description().id(), t);
            }
        }
    }

    private void tick(long period, long deadline) {
        long due = nextDueNanos;
        nextDueNanos += period;
        if (clock.nanoTime() - due > deadline) {
            // A run this late is the clock catching up with a schedule that stalled: one tick now, not a burst.
            return;
        }
        PackEngine e = engine;
        e.tick(due, own(source), balancer, own(outputs), own(indicators), listeners);
        if (!healthy && e.state().health().decidedByBalancer()) {
            healthy = true;
            log.info("{}: first healthy tick {}, {} ms after the JVM started", e.description().id(), e.state().tick(),
                    ManagementFactory.getRuntimeMXBean().getUptime());
        }
    }

    // --- Pack, delegated to the engine ---

    @Override
    public PackDescription description() {
        return engine.description();
    }

    @Override
    public PackView latest() {
        return engine.latest();
    }

    @Override
    public List<TickSummary> history(int n) {
        return engine.history(n);
    }

    @Override
    public TickStats stats() {
        return engine.stats();
    }

    /** The engine's faults, then the alerts the cell insight raised about this pack. */
    @Override
    public List<ActiveFault> faults() {
        List<ActiveFault> own = engine.faults();
        PackInsights insight = insights;
        List<ActiveAlert> alerts = insight == null ? List.of()
                : insight.insight(description().id()).map(PackInsight::alerts).orElse(List.of());
        if (alerts.isEmpty()) {
            return own;
        }
        List<ActiveFault> all = new ArrayList<>(own.size() + alerts.size());
        all.addAll(own);
        for (ActiveAlert a : alerts) {
            all.add(new ActiveFault(a.faultMessage(), a.sinceTick(), a.sinceMillis()));
        }
        return List.copyOf(all);
    }

    /** Engine events to the OSGi log. */
    private record LogEvents(Logger log) implements PackEvents {
        @Override
        public void info(String message) {
            log.info(message);
        }

        @Override
        public void warn(String message) {
            log.warn(message);
        }

        @Override
        public void error(String message, Throwable cause) {
            log.error(message, cause);
        }
    }
}
