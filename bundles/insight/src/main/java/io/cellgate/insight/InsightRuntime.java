package io.cellgate.insight;

import io.cellgate.api.insight.BalanceLedgers;
import io.cellgate.api.insight.LedgerSnapshot;
import io.cellgate.api.insight.PackInsight;
import io.cellgate.api.insight.PackInsights;
import io.cellgate.api.runtime.Pack;
import io.cellgate.api.telemetry.PackListener;
import io.cellgate.api.telemetry.PackState;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The balancing ledger and the insight of every running pack: a whiteboard listener that counts each tick in its
 * pack's {@link PackLedger}, and the {@link BalanceLedgers} and {@link PackInsights} services the shell and the
 * exporters read. Once a second, on this component's thread, every pack's latest view is observed: rest voltages,
 * findings, alerts (each pack's settings from its {@link PackInsightComponent} configuration, or the defaults).
 * A pack's ledger opens from its file when the pack's {@link Pack} service appears and is saved when it goes; all of
 * them are saved every {@code save.s} seconds on a thread of this component's, never on the tick.
 */
@Component(configurationPid = InsightRuntime.PID, service = {PackListener.class, BalanceLedgers.class,
        PackInsights.class}, immediate = true)
@Designate(ocd = InsightConfig.class)
public final class InsightRuntime implements PackListener, BalanceLedgers, PackInsights {

    static final String PID = "io.cellgate.insight";
    private static final long JOIN_SECONDS = 10;
    private static final long OBSERVE_MILLIS = 1000;

    private final Logger log;
    private final InsightSettings settings;
    private final Ledgers ledgers;
    private final ScheduledExecutorService saver;
    private final Map<String, Pack> packs = new ConcurrentHashMap<>();

    @Activate
    public InsightRuntime(InsightConfig config, @Reference(name = "log", service = LoggerFactory.class) Logger log) {
        this.log = log;
        try {
            settings = InsightSettings.of(config);
        } catch (IllegalArgumentException e) {
            log.error("insight: configuration refused: {}", e.getMessage());
            throw e;
        }
        ledgers = new Ledgers(settings.directory(), ZoneId.systemDefault(), System::currentTimeMillis, log::info,
                log::warn);
        saver = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cellgate-insight-saver");
            t.setDaemon(true);
            return t;
        });
        saver.scheduleWithFixedDelay(ledgers::saveAll, settings.saveSeconds(), settings.saveSeconds(),
                TimeUnit.SECONDS);
        saver.scheduleWithFixedDelay(this::observe, OBSERVE_MILLIS, OBSERVE_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void observe() {
        try {
            ledgers.observeAll(id -> {
                Pack pack = packs.get(id);
                return pack == null ? null : pack.latest();
            });
        } catch (RuntimeException e) {
            log.error("insight: observing the packs failed; it goes on at the next second", e);
        }
    }

    @Reference(name = "settings", service = PackInsightComponent.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addSettings(PackInsightComponent component) {
        ledgers.configure(component.packId(), component.settings());
    }

    void updatedSettings(PackInsightComponent component) {
        ledgers.configure(component.packId(), component.settings());
    }

    void removeSettings(PackInsightComponent component) {
        ledgers.configure(component.packId(), null);
    }

    @Reference(name = "packs", service = Pack.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addPack(Pack pack) {
        ledgers.open(pack.description());
        packs.put(pack.description().id(), pack);
    }

    void removePack(Pack pack) {
        ledgers.close(pack.description());
        packs.remove(pack.description().id(), pack);
    }

    /** Saves every ledger once more before the component goes. */
    @Deactivate
    void deactivate() throws InterruptedException {
        saver.shutdown();
        if (!saver.awaitTermination(JOIN_SECONDS, TimeUnit.SECONDS)) {
            log.warn("insight: a save did not end within {} s", JOIN_SECONDS);
        }
        ledgers.saveAll();
    }

    /** On the tick thread: a few additions, no allocation. */
    @Override
    public void onTick(PackState state) {
        ledgers.record(state);
    }

    @Override
    public List<LedgerSnapshot> snapshots() {
        return ledgers.snapshots();
    }

    @Override
    public Optional<LedgerSnapshot> snapshot(String packId) {
        return ledgers.snapshot(packId);
    }

    @Override
    public List<PackInsight> insights() {
        return ledgers.insights();
    }

    @Override
    public Optional<PackInsight> insight(String packId) {
        return ledgers.insight(packId);
    }

    @Override
    public boolean reset(String packId) {
        return ledgers.reset(packId);
    }
}
