package io.cellgate.export.sparkplug.internal;

import io.cellgate.api.balancer.BalancerModel;
import io.cellgate.api.insight.BalanceLedgers;
import io.cellgate.api.insight.LedgerCounts;
import io.cellgate.api.insight.LedgerSnapshot;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.runtime.ExporterHealth;
import io.cellgate.api.runtime.Pack;
import io.cellgate.api.runtime.TickStats;
import io.cellgate.api.telemetry.PackListener;
import io.cellgate.api.telemetry.PackState;
import io.cellgate.api.telemetry.PackView;
import io.cellgate.api.telemetry.RateGate;
import io.cellgate.broker.ChangeWatch;
import io.cellgate.operate.PackOperations;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
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
 * One Sparkplug B edge node per factory configuration {@code io.cellgate.export.sparkplug}: a telemetry listener that,
 * when a pack is due (every {@code scan.ms}) or its board state, health, faults or model changed, hands a
 * {@link PackView} to the node's thread ({@link EdgeNode}), which publishes what changed.
 */
@Component(configurationPid = SparkplugNode.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {PackListener.class, ExporterHealth.class}, immediate = true)
@Designate(ocd = SparkplugConfig.class, factory = true)
public final class SparkplugNode implements PackListener, ExporterHealth {

    static final String PID = "io.cellgate.export.sparkplug";
    static final long JOIN_MILLIS = TimeUnit.SECONDS.toMillis(10);

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<Map.Entry<Map<String, Object>, BalancerModel>> models;

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<Pack> packs;

    /** The balancing ledgers (insight bundle), where they run. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile BalanceLedgers ledgers;

    private final Logger log;
    private final SparkplugSettings settings;
    private final RateGate gate;
    private final ChangeWatch changes = new ChangeWatch();
    private final EdgeNode node;
    private final Thread thread;

    @Activate
    public SparkplugNode(SparkplugConfig config, BundleContext context, @Reference ConfigurationAdmin configAdmin,
            @Reference MetaTypeService metaType, @Reference(name = "log", service = LoggerFactory.class) Logger log) {
        this.log = log;
        try {
            this.settings = SparkplugSettings.of(config);
        } catch (IllegalArgumentException e) {
            log.error("sparkplug: configuration refused: {}", e.getMessage());
            throw e;
        }
        this.gate = new RateGate(settings.scanNanos());
        PackOperations operations = new PackOperations(context, configAdmin, metaType, () -> packs, () -> models, log);
        File bdSeqFile = context.getDataFile("bdSeq-" + settings.group() + "-" + settings.node());
        this.node = new EdgeNode(settings, new PahoTransport(settings), new ShellRules(operations), this::figures,
                this::ledger,
                context.getBundle().getVersion().toString(), lastBdSeq(bdSeqFile) + 1, seq -> keep(bdSeqFile, seq),
                log::info, log::warn, System::nanoTime, System::currentTimeMillis);
        this.thread = new Thread(node, "cellgate-sparkplug " + settings.clientId());
        thread.setDaemon(true);
        thread.start();
        log.info("sparkplug {}: edge node {}/{} on {}, scanning every {} ms, remote commands {}", settings.node(),
                settings.group(), settings.node(), settings.brokerUrl(),
                TimeUnit.NANOSECONDS.toMillis(settings.scanNanos()), settings.commands() ? "on for "
                        + String.join(", ", settings.allowed()) : "off");
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        node.stop();
        thread.join(JOIN_MILLIS);
        if (thread.isAlive()) {
            log.warn("sparkplug {}: node thread did not end within {} ms", settings.node(), JOIN_MILLIS);
        }
    }

    /** On the tick thread: a comparison, and a view only when the pack is due or changed. */
    @Override
    public void onTick(PackState state) {
        boolean changed = changes.changed(state);
        if (gate.due(state.pack().id(), state.reading().timeNanos()) || changed) {
            node.offer(PackView.of(state));
        }
    }

    @Override
    public void onPackRemoved(PackDescription pack) {
        changes.forget(pack.id());
        node.forget(pack);
    }

    private NodeFigures figures() {
        List<Pack> list = packs;
        if (list == null) {
            return new NodeFigures(0, 0, 0);
        }
        long ticks = 0;
        long late = 0;
        for (Pack p : list) {
            TickStats s = p.stats();
            ticks += s.ticks();
            late = Math.max(late, s.maxLatenessNanos());
        }
        return new NodeFigures(list.size(), ticks, late / 1e9);
    }

    private LedgerCounts ledger(String pack) {
        BalanceLedgers l = ledgers;
        return l == null ? null : l.snapshot(pack).map(LedgerSnapshot::total).orElse(null);
    }

    private static int lastBdSeq(File file) {
        try {
            return file == null || !file.exists() ? -1 : Integer.parseInt(Files.readString(file.toPath()).trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private void keep(File file, int bdSeq) {
        if (file == null) {
            return;
        }
        try {
            Files.writeString(file.toPath(), Integer.toString(bdSeq));
        } catch (IOException e) {
            log.warn("sparkplug {}: bdSeq {} cannot be kept in {}: {}", settings.node(), bdSeq, file, e.getMessage());
        }
    }

    @Override
    public String exporter() {
        return "sparkplug " + settings.group() + "/" + settings.node() + " " + settings.brokerUrl();
    }

    @Override
    public long failures() {
        return node.failures();
    }

    @Override
    public String problem() {
        if (!thread.isAlive()) {
            return "its node thread has ended and nothing is published: see the log, then restart the Sparkplug "
                    + "node with scr:disable and scr:enable " + SparkplugNode.class.getName();
        }
        return node.problem();
    }
}
