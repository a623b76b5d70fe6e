package io.cellgate.export.prometheus;

import io.cellgate.api.insight.BalanceLedgers;
import io.cellgate.api.insight.PackInsights;
import io.cellgate.api.runtime.ExporterHealth;
import io.cellgate.api.runtime.Pack;
import io.cellgate.api.telemetry.PackListener;
import io.cellgate.api.telemetry.PackState;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.SampleNameFilter;
import io.prometheus.client.exporter.common.TextFormat;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.CollectionType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.servlet.whiteboard.annotations.RequireHttpWhiteboard;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;

/**
 * {@code GET /metrics}: every pack in the Prometheus text format (0.0.4), or OpenMetrics 1.0 when the scraper asks for
 * it, gzipped when it takes gzip, through the OSGi servlet whiteboard. Pack
 * state is read at scrape time; on the tick only the tick duration and fault onsets are observed. Each activation
 * has its own registry: nothing is shared with other bundles or with Prometheus' default registry.
 *
 * <p>The packs are held as service objects and got only for a scrape: a pack controller binds this component as a
 * listener while it activates, and getting the packs then would be a service cycle.
 */
@Component(configurationPid = "io.cellgate.export.prometheus", service = {Servlet.class, PackListener.class},
        immediate = true)
@HttpWhiteboardServletName("cellgate-metrics")
@RequireHttpWhiteboard
@Designate(ocd = PrometheusConfig.class)
public final class PrometheusExporter extends HttpServlet implements PackListener {

    private static final long serialVersionUID = 1L;

    /** simpleclient adds a _created series per counter and histogram; Prometheus does not need them. */
    private static final SampleNameFilter NO_CREATED = new SampleNameFilter.Builder()
            .nameMustNotBeEqualTo("cellgate_faults_created", "cellgate_tick_duration_seconds_created").build();

    @Reference(service = Pack.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, collectionType = CollectionType.SERVICEOBJECTS)
    private transient volatile List<ComponentServiceObjects<Pack>> packs;

    /** Optional and dynamic: present while an MQTT exporter runs; its type stays unloaded until then. */
    @Reference(name = "mqtt", service = io.cellgate.export.mqtt.api.MqttExporterStatus.class,
            cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, collectionType = CollectionType.TUPLE)
    private transient volatile List<Map.Entry<Map<String, Object>, Object>> mqtt;

    @Reference(service = ExporterHealth.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile List<ExporterHealth> exporters;

    /** Optional and dynamic: present while the insight bundle runs. */
    @Reference(name = "insight", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile BalanceLedgers insight;

    /** Optional and dynamic: the insight's estimates and alerts, present while the insight bundle runs. */
    @Reference(name = "insights", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile PackInsights insights;

    private final transient CollectorRegistry registry = new CollectorRegistry();
    private final transient AtomicLong failedScrapes = new AtomicLong();
    private final transient TickMetrics ticks;
    /** The packs of the scrape in progress; scrapes take turns. */
    private transient List<Pack> scraped = List.of();

    @Activate
    public PrometheusExporter(PrometheusConfig config) {
        ticks = new TickMetrics(registry);
        registry.register(new PackCollector(() -> new ArrayList<>(scraped)));
        registry.register(new MqttCollector(() -> {
            List<Map.Entry<Map<String, Object>, Object>> list = mqtt;
            return list == null ? List.of() : list;
        }));
        registry.register(new ExporterCollector(() -> {
            List<ExporterHealth> list = exporters;
            return list == null ? List.of() : list;
        }, failedScrapes::get));

        registry.register(new LedgerCollector(() -> {
            BalanceLedgers ledgers = insight;
            return ledgers == null ? List.of() : ledgers.snapshots();
        }));
        registry.register(new InsightCollector(() -> {
            PackInsights now = insights;
            return now == null ? List.of() : now.insights();
        }));
    }

    /** On the tick thread: two observations, no allocation. */
    @Override
    public void onTick(PackState state) {
        ticks.observe(state);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Negotiation asked = Negotiation.of(request.getHeader("Accept"), request.getHeader("Accept-Encoding"));
        response.setContentType(asked.contentType());
        response.setHeader("Vary", "Accept, Accept-Encoding");
        if (asked.gzip()) {
            response.setHeader("Content-Encoding", "gzip");
        }
        OutputStream raw = response.getOutputStream();
        try (Writer out = new OutputStreamWriter(asked.gzip() ? new GZIPOutputStream(raw) : raw,
                StandardCharsets.UTF_8)) {
            write(out, asked.contentType());
        } catch (RuntimeException | Error e) {
            failedScrapes.incrementAndGet(); // shown on the next scrape that works
            throw e;
        }
    }

    /** The text format 0.0.4. */
    void write(Writer out) throws IOException {
        write(out, TextFormat.CONTENT_TYPE_004);
    }

    /** @param contentType one of simpleclient's: {@link TextFormat#CONTENT_TYPE_004} or OpenMetrics' */
    synchronized void write(Writer out, String contentType) throws IOException {
        List<ComponentServiceObjects<Pack>> services = packs == null ? List.of() : List.copyOf(packs);
        List<Pack> got = new ArrayList<>(services.size());
        List<ComponentServiceObjects<Pack>> from = new ArrayList<>(services.size());
        try {
            for (ComponentServiceObjects<Pack> s : services) {
                Pack p = s.getService();
                if (p != null) {
                    got.add(p);
                    from.add(s);
                }
            }
            scraped = got;
            Set<String> running = got.stream().map(p -> p.description().id()).collect(Collectors.toSet());
            ticks.retain(running);
            TextFormat.writeFormat(contentType, out, registry.filteredMetricFamilySamples(NO_CREATED));
        } finally {
            scraped = List.of();
            for (int i = 0; i < got.size(); i++) {
                from.get(i).ungetService(got.get(i));
            }
        }
    }
}
