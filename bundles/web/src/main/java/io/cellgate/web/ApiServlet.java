package io.cellgate.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.stream.JsonWriter;
import io.cellgate.api.insight.PackInsight;
import io.cellgate.api.insight.PackInsights;
import io.cellgate.api.runtime.Pack;
import io.cellgate.api.telemetry.PackView;
import io.cellgate.json.InsightJson;
import io.cellgate.json.PackJson;
import io.cellgate.operate.Refusal;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.servlet.whiteboard.annotations.RequireHttpWhiteboard;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The console's API, the JSON of {@link PackJson} (the shell's {@code --json}) and the operator's actions
 * ({@link ConsoleActions}), behind {@link ConsoleAccess}:
 * <ul>
 * <li>{@code GET /api/packs}: every pack's summary line (as {@code cellgate:packs --json}) with its faults present
 * now and the wall-clock time each appeared;</li>
 * <li>{@code GET /api/packs/<id>}: {@code summary} as above and {@code latest}, every cell and pair of the latest
 * tick (as {@code cellgate:cells --json});</li>
 * <li>{@code GET /api/packs/<id>/events}: Server-Sent Events, {@code event: pack} with the same JSON at once and then
 * after each tick, at most once per {@code events.interval.ms}; {@code event: removed} when the pack goes away;</li>
 * <li>{@code GET /api/packs/<id>/history}: the last hour, a sample every 5 s (both spreads, every cell), or with
 * {@code ?range=day} the last day, a sample a minute (both spreads), from the console's own bounded rings;</li>
 * <li>{@code GET /api/packs/<id>/insight}: the pack's cell insight as {@code cellgate:insight --json} has it
 * ({@link InsightJson#insight}: its alerts raised now with the time each was raised, its findings, every cell's
 * estimates and the notes) and {@code running: true}; {@code running: false} with the reason while the insight
 * bundle is not running or has not looked at the pack yet. Read apart from the events, which stay as cheap as they
 * were: the insight changes once a second at most;</li>
 * <li>{@code GET /api/events}: the summaries of every pack, as events, for the overview;</li>
 * <li>{@code /api/packs/<id>/models}, {@code /properties}, {@code POST /swap}, {@code POST /set}: the actions;
 * {@code /api/session}, {@code POST /api/login}, {@code POST /api/logout}: who may use them.</li>
 * </ul>
 * A stream holds its HTTP request's thread and a bounded queue; it ends when the client goes away (found at the
 * next write, an event or a keep-alive comment), when the console stops, or when the gateway does.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("cellgate-web-api")
@HttpWhiteboardServletPattern("/api/*")
@RequireHttpWhiteboard
public final class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern PACK = Pattern.compile(
            "/packs/([A-Za-z0-9_-]{1,64})(/events|/history|/insight|/models|/properties|/swap|/set)?/?");
    /** What a POST may ask for: the operator's two actions. */
    private static final Set<String> ACTIONS = Set.of("/swap", "/set");
    private static final byte[] RETRY = "retry: 2000\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEEP_ALIVE = ": keep-alive\n\n".getBytes(StandardCharsets.US_ASCII);

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile List<Pack> packs;
    private transient volatile PackIndex index;

    /** Optional: the console runs on without the insight bundle, and its pack page says so. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile PackInsights insights;

    private final transient LiveFeed feed;
    private final transient ConsoleAccess access;
    private final transient ConsoleActions actions;
    private final transient Logger log;
    private final AtomicInteger streams = new AtomicInteger();
    private final transient Set<Subscription> open = ConcurrentHashMap.newKeySet();

    @Activate
    public ApiServlet(@Reference LiveFeed feed, @Reference ConsoleAccess access, @Reference ConsoleActions actions,
            @Reference(service = LoggerFactory.class) Logger log) {
        this.feed = feed;
        this.access = access;
        this.actions = actions;
        this.log = log;
    }

    /**
     * Every answer is JSON: a refusal (a {@link Refusal}: an unknown pack or model, a bad value) is a 400 with its
     * message, and anything unforeseen a 500 that points at the log, never an exception's name or stack.
     */
    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("X-Content-Type-Options", "nosniff");
        try {
            answer(req, resp);
        } catch (Refusal e) {
            error(resp, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
        } catch (RuntimeException e) {
            log.error("web console: {} {} failed", req.getMethod(), req.getRequestURI(), e);
            if (!resp.isCommitted()) {
                resp.reset();
                error(resp, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "the gateway could not answer this request; "
                        + "its log says why");
            }
        }
    }

    private void answer(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        if (ConsoleAccess.handles(path)) {
            access.serve(path, req, resp);
            return;
        }
        String method = req.getMethod();
        if (!"GET".equals(method) && !"POST".equals(method)) {
            resp.setHeader("Allow", "GET, POST");
            error(resp, HttpServletResponse.SC_METHOD_NOT_ALLOWED, method + " is not allowed here: the console "
                    + "reads with GET and changes with POST");
            return;
        }
        boolean post = "POST".equals(method);
        Matcher m = PACK.matcher(path);
        boolean known = m.matches() || path.equals("/packs") || path.equals("/packs/") || path.equals("/events");
        String part = !m.matches() || m.group(2) == null ? "" : m.group(2);
        if (!known) {
            error(resp, HttpServletResponse.SC_NOT_FOUND, "no such resource: " + req.getRequestURI()
                    + "; the API has /api/packs, /api/packs/<id>, /api/packs/<id>/events, /api/packs/<id>/history, "
                    + "/api/packs/<id>/insight, "
                    + "/api/packs/<id>/models, /api/packs/<id>/properties, POST /api/packs/<id>/swap and "
                    + "/api/packs/<id>/set, /api/events and /api/session");
            return;
        }
        // the method before who asks: a POST of a read is wrong whoever sends it
        if (post != ACTIONS.contains(part)) {
            resp.setHeader("Allow", post ? "GET" : "POST");
            error(resp, HttpServletResponse.SC_METHOD_NOT_ALLOWED, post ? "POST is for /api/packs/<id>/swap and "
                    + "/set only; the rest of the API is read with GET" : req.getRequestURI() + " changes the pack: use "
                    + "POST, from the pack's page");
            return;
        }
        AccessRules.Refused refused = post ? access.change(req) : access.read(req);
        if (refused != null) {
            error(resp, refused.status(), refused.message());
            return;
        }
        if (!m.matches()) {
            if (path.equals("/events")) {
                stream(req, resp, null);
            } else {
                json(resp, overview());
            }
            return;
        }
        Pack pack = find(m.group(1));
        if (pack == null) {
            error(resp, HttpServletResponse.SC_NOT_FOUND, "no pack '" + m.group(1) + "'; " + known());
            return;
        }
        String id = pack.description().id();
        switch (part) {
            case "" -> json(resp, detail(pack, pack.latest()));
            case "/history" -> history(req, resp, id);
            case "/insight" -> json(resp, insight(insights, id));
            case "/models" -> json(resp, actions.models(id));
            case "/properties" -> json(resp, actions.properties(id));
            case "/swap" -> actions.swap(id, JsonHttp.body(req), access.who(req), resp);
            case "/set" -> actions.set(id, JsonHttp.body(req), access.who(req), resp);
            default -> stream(req, resp, id);
        }
    }

    private void history(HttpServletRequest req, HttpServletResponse resp, String id) throws IOException {
        String range = req.getParameter("range") == null ? "hour" : req.getParameter("range");
        if (!range.equals("hour") && !range.equals("day")) {
            error(resp, HttpServletResponse.SC_BAD_REQUEST, "range=" + range + " is not known: use range=hour "
                    + "(a sample every 5 s, with every cell) or range=day (a sample a minute, the spreads)");
            return;
        }
        SpreadHistory h = range.equals("day") ? feed.day(id) : feed.hour(id);
        json(resp, history(id, h == null ? null : h.snapshot()));
    }

    /** Every pack's summary, by id. */
    JsonArray overview() {
        JsonArray a = new JsonArray();
        for (Pack p : sorted()) {
            a.add(summary(p, p.latest()));
        }
        return a;
    }

    /** A pack's line as the shell's {@code cellgate:packs --json} has it, with its faults present now. */
    static JsonObject summary(Pack p, PackView v) {
        return PackJson.tree(w -> writeSummary(w, p, v)).getAsJsonObject();
    }

    static JsonObject detail(Pack p, PackView v) {
        return PackJson.tree(w -> writeDetail(w, p, v)).getAsJsonObject();
    }

    /** {@link #summary} written as an object: the overview's event. */
    static void writeSummary(JsonWriter w, Pack p, PackView v) throws IOException {
        w.beginObject();
        PackJson.writePackMembers(w, p.description(), v, p.stats());
        w.name("faults");
        PackJson.writeFaults(w, p.faults());
        w.endObject();
    }

    /** {@link #detail} written as an object: a pack page's event, the summary and every cell and pair. */
    static void writeDetail(JsonWriter w, Pack p, PackView v) throws IOException {
        w.beginObject();
        w.name("summary");
        writeSummary(w, p, v);
        w.name("latest");
        PackJson.writeCells(w, p.description().id(), v);
        w.endObject();
    }

    /**
     * The pack's insight ({@link InsightJson#insight}) with {@code running: true}, or {@code running: false} and
     * {@code reason} when there is none to show.
     */
    static JsonObject insight(PackInsights insights, String id) {
        PackInsight insight = insights == null ? null : insights.insight(id).orElse(null);
        JsonObject o;
        if (insight != null) {
            o = InsightJson.insight(insight);
            o.addProperty("running", true);
            return o;
        }
        o = new JsonObject();
        o.addProperty("pack", id);
        o.addProperty("running", false);
        o.addProperty("reason", insights == null ? "cell insight is not running: the bundle io.cellgate.insight is "
                + "not installed or not started" : "no insight of " + id + " yet: it is worked out once a second "
                + "from the pack's ticks");
        return o;
    }

    /** Times in epoch seconds (what a chart's time axis takes), volts to the microvolt, a missing value null. */
    static JsonObject history(String id, SpreadHistory.Samples s) {
        JsonObject o = new JsonObject();
        o.addProperty("pack", id);
        o.addProperty("stepSeconds", s == null ? 0 : s.stepMillis() / 1e3);
        JsonArray time = new JsonArray();
        if (s != null) {
            for (long t : s.timeMillis()) {
                time.add(t / 1e3);
            }
        }
        o.add("timeSeconds", time);
        o.add("spreadVolts", series(s == null ? new float[0] : s.spreadVolts()));
        o.add("maxAdjacentDeltaVolts", series(s == null ? new float[0] : s.maxAdjacentDeltaVolts()));
        JsonArray cells = new JsonArray();
        if (s != null) {
            for (float[] c : s.cellVolts()) {
                cells.add(series(c));
            }
        }
        o.add("cellVolts", cells);
        return o;
    }

    private static JsonArray series(float[] values) {
        JsonArray a = new JsonArray(values.length);
        for (float v : values) {
            if (Float.isFinite(v)) {
                a.add(Math.round(v * 1e6) / 1e6);
            } else {
                a.add((Number) null);
            }
        }
        return a;
    }

    private void stream(HttpServletRequest req, HttpServletResponse resp, String packId) throws IOException {
        LiveFeed.Settings settings = feed.settings();
        int maxStreams = settings.maxStreams();
        if (streams.incrementAndGet() > maxStreams) {
            streams.decrementAndGet();
            resp.setHeader("Retry-After", "10");
            error(resp, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "too many event streams open (" + maxStreams
                    + ", configuration io.cellgate.web max.streams): close a console page, or retry later");
            return;
        }
        Subscription sub = feed.subscribe(packId);
        open.add(sub);
        boolean detailed = packId != null;
        FrameBuffer frames = sub.buffer();
        try {
            resp.setContentType("text/event-stream");
            resp.setCharacterEncoding("UTF-8");
            resp.setHeader("Cache-Control", "no-cache");
            // Bytes, not a PrintWriter: each frame is encoded once, into the bytes every stream of its pack writes.
            ServletOutputStream out = resp.getOutputStream();
            // the browser reconnects 2 s after a stream ends (a gateway restart), and asks again from scratch
            out.write(RETRY);
            for (Pack p : packId == null ? sorted() : Collections.singletonList(find(packId))) {
                if (p != null) { // a pack may go away between the request and here: its stream waits for it
                    out.write(frames.frame("pack", w -> write(w, detailed, p, p.latest())));
                }
            }
            out.flush();
            while (!sub.isClosed()) {
                Subscription.Event e = sub.poll(feed.settings().keepaliveMillis());
                if (sub.isClosed()) {
                    break;
                }
                if (e == null) {
                    out.write(KEEP_ALIVE);
                }
                // what is queued by now goes out with it, in one flush: the overview's stream has an event per pack
                for (; e != null; e = sub.poll(0)) {
                    send(out, frames, detailed, e);
                }
                out.flush();
            }
        } catch (IOException clientGone) {
            // a closed tab or a lost connection (Jetty throws on the write): the stream is freed below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(sub);
            feed.unsubscribe(sub);
            streams.decrementAndGet();
        }
    }

    private void send(ServletOutputStream out, FrameBuffer frames, boolean detailed, Subscription.Event e)
            throws IOException {
        if (e.removed()) {
            out.write(frames.frame("removed", w -> w.beginObject().name("pack").value(e.pack().id()).endObject()));
            return;
        }
        Pack p = find(e.pack().id());
        if (p != null) {
            out.write(e.frame(detailed, () -> frames.frame("pack", w -> write(w, detailed, p, e.view()))));
        }
    }

    private static void write(JsonWriter w, boolean detailed, Pack p, PackView v) throws IOException {
        if (detailed) {
            writeDetail(w, p, v);
        } else {
            writeSummary(w, p, v);
        }
    }

    private static void json(HttpServletResponse resp, JsonElement body) throws IOException {
        JsonHttp.json(resp, body);
    }

    static void error(HttpServletResponse resp, int status, String message) throws IOException {
        JsonHttp.error(resp, status, message);
    }

    private List<Pack> sorted() {
        List<Pack> list = packs;
        return list == null ? List.of()
                : list.stream().sorted(Comparator.comparing(p -> p.description().id())).toList();
    }

    /**
     * A pack by its id, from an index made again whenever the reference's list changes (SCR sets a new list at each
     * change): an event stream looks its pack up once an event, and going through 100 packs for it showed in profiles.
     */
    private Pack find(String id) {
        List<Pack> list = packs;
        PackIndex i = index;
        if (i == null || i.list() != list) {
            i = PackIndex.of(list);
            index = i;
        }
        Pack p = i.byId().get(id);
        return p == null || p.description().id().equals(id) ? p : PackIndex.of(list).byId().get(id);
    }

    /** The packs of one list of the reference, by id. */
    private record PackIndex(List<Pack> list, Map<String, Pack> byId) {
        static PackIndex of(List<Pack> list) {
            Map<String, Pack> byId = new HashMap<>();
            for (Pack p : list == null ? List.<Pack>of() : list) {
                byId.put(p.description().id(), p);
            }
            return new PackIndex(list, byId);
        }
    }

    private String known() {
        List<Pack> all = sorted();
        return all.isEmpty() ? "no pack is running"
                : "packs: " + all.stream().map(p -> p.description().id()).collect(Collectors.joining(", "));
    }

    /** Open streams end: their request threads return. */
    @Deactivate
    void deactivate() {
        open.forEach(Subscription::close);
    }

    /** Streams open now (tests). */
    int openStreams() {
        return streams.get();
    }
}
