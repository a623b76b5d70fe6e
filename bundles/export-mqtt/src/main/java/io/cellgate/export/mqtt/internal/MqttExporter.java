package io.cellgate.export.mqtt.internal;

import io.cellgate.api.balancer.BalancerModel;
import io.cellgate.api.insight.BalanceLedgers;
import io.cellgate.api.insight.PackInsights;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.runtime.Pack;
import io.cellgate.api.runtime.ExporterHealth;
import io.cellgate.api.telemetry.PackListener;
import io.cellgate.api.telemetry.PackState;
import io.cellgate.api.telemetry.PackView;
import io.cellgate.api.telemetry.RateGate;
import io.cellgate.broker.ChangeWatch;
import io.cellgate.export.mqtt.api.MqttExporterStatus;
import io.cellgate.operate.PackOperations;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.annotations.Designate;

/**
 * One MQTT exporter per factory configuration {@code io.cellgate.export.mqtt}: a telemetry listener that, when a
 * pack is due (every {@code publish.ms}, whatever its tick, and at once when its board state, health or faults
 * change), takes a {@link PackView} and hands it to its own publish thread. The tick itself only compares a few
 * numbers on every other tick.
 */
@Component(configurationPid = MqttExporter.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {PackListener.class, MqttExporterStatus.class, ExporterHealth.class}, immediate = true)
@Designate(ocd = MqttConfig.class, factory = true)
public final class MqttExporter implements PackListener, MqttExporterStatus, ExporterHealth {

    static final long JOIN_MILLIS = TimeUnit.SECONDS.toMillis(10);
    /** Factory PID of the exporters. */
    static final String PID = "io.cellgate.export.mqtt";

    private final Logger log;
    private final MqttSettings settings;
    private final RateGate gate;
    private final ChangeWatch changes = new ChangeWatch();
    private final PublishLoop loop;
    private final Thread thread;

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<Map.Entry<Map<String, Object>, BalancerModel>> models;

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<Pack> packs;

    @Activate
    public MqttExporter(MqttConfig config, BundleContext context, @Reference ConfigurationAdmin configAdmin,
            @Reference MetaTypeService metaType, @Reference(name = "log", service = LoggerFactory.class) Logger log) {
        this.log = log;
        try {
            this.settings = MqttSettings.of(config);
        } catch (IllegalArgumentException e) {
            // SCR would log this as a stack trace; an operator should read the reason first.
            log.error("mqtt: configuration refused: {}", e.getMessage());
            throw e;
        }
        this.gate = new RateGate(settings.publishNanos());
        ModelSelect select = settings.modelSelect() ? new ShellModelSelect(new PackOperations(context, configAdmin,
                metaType, () -> packs, () -> models, log), settings.brokerUrl()) : null;
        this.loop = new PublishLoop(settings, new PahoLink(settings), log::info, log::warn, System::nanoTime, select);
        this.thread = new Thread(loop, "cellgate-mqtt " + settings.clientId());
        thread.setDaemon(true);
        thread.start();
        log.info("mqtt {}: publishing every {} ms under {}/ as {}", settings.brokerUrl(),
                TimeUnit.NANOSECONDS.toMillis(settings.publishNanos()), settings.topics().prefix(),
                settings.clientId());
    }

    /** Optional and dynamic: the insight's estimates and alerts, published while the insight bundle runs. */
    @Reference(name = "insights", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PackInsights insights;

    /** Optional and dynamic: the balancing ledgers, for the per-cell ledger beside the estimates. */
    @Reference(name = "ledgers", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile BalanceLedgers ledgers;

    @Deactivate
    void deactivate() throws InterruptedException {
        loop.stop();
        thread.join(JOIN_MILLIS);
        if (thread.isAlive()) {
            log.warn("mqtt {}: publish thread did not end within {} ms", settings.brokerUrl(), JOIN_MILLIS);
        }
    }

    /** A pack removed from the gateway: its retained topics and discovery are cleared, and it is forgotten. */
    @Override
    public void onPackRemoved(PackDescription pack) {
        changes.forget(pack.id());
        loop.forget(pack);
    }

    /** On the tick thread: two comparisons, and a view only when the pack is due or its board changed. */
    @Override
    public void onTick(PackState state) {
        boolean changed = changes.changed(state); // asked on every tick, to remember what each tick showed
        if (gate.due(state.pack().id(), state.reading().timeNanos()) || changed) {
            loop.insights(insights, ledgers); // two volatile reads, so the loop follows the insight bundle
            loop.offer(PackView.of(state));
        }
    }

    @Override
    public long droppedMessages() {
        return loop.dropped();
    }

    @Override
    public long publishedMessages() {
        return loop.published();
    }

    @Override
    public int bufferedMessages() {
        return loop.buffered();
    }

    @Override
    public boolean connected() {
        return loop.isConnected();
    }

    @Override
    public String exporter() {
        return "mqtt " + settings.brokerUrl();
    }

    @Override
    public long failures() {
        return loop.failures();
    }

    @Override
    public String problem() {
        if (!thread.isAlive()) {
            return "its publishing thread has ended and nothing is published: see the log, then restart the MQTT "
                    + "exporters with scr:disable and scr:enable " + MqttExporter.class.getName();
        }
        return loop.problem();
    }
}
