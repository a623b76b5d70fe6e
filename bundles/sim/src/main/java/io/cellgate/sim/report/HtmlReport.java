package io.cellgate.sim.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.cellgate.sim.scenario.ScenarioResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A report as one self-contained HTML file: uPlot (from its webjar, MIT licence) and the report's own script and
 * style inlined, the runs' data as JSON in the page, so it opens offline and can be mailed. Each chart is a
 * {@code div.chart} whose {@code data-chart} names what it shows; the script draws it.
 */
public final class HtmlReport {

    /** A report draws at most this many samples per series: enough for a screen, small for a file. */
    public static final int MAX_POINTS = 1500;

    private static final String UPLOT = "/META-INF/resources/webjars/uplot/1.6.30/dist/";
    private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().create();

    private HtmlReport() {
    }

    /** One run: its figures, warnings, every chart, the scenario. */
    public static String single(ScenarioSource in, ScenarioResult r) {
        StringBuilder body = new StringBuilder();
        body.append("<h1>").append(esc(r.scenario())).append("</h1>\n<p class=\"muted\">").append(esc(r.balancer()))
                .append(" · ").append(esc(in.file().toString())).append(" · ").append(esc(r.details().criterion()))
                .append("</p>\n");
        Table t = new Table(List.of());
        t.add(new Table.Row(r.balancer(), Map.of(), Figures.of(r), null));
        figures(body, t);
        warnings(body, r);
        runCharts(body, 0, r, true);
        scenario(body, in);
        JsonObject data = new JsonObject();
        JsonArray runs = new JsonArray();
        runs.add(run(r));
        data.add("runs", runs);
        return page(r.scenario(), body, data);
    }

    /** Two or more runs of one scenario: the table, the spreads and the charge overlaid, each run's charts side by side. */
    public static String compare(ScenarioSource in, List<ScenarioResult> results, Table table) {
        StringBuilder body = new StringBuilder();
        body.append("<h1>").append(esc(in.scenario().name())).append(": ").append(results.size())
                .append(" models compared</h1>\n<p class=\"muted\">").append(esc(in.file().toString())).append("</p>\n");
        figures(body, table);
        for (ScenarioResult r : results) {
            if (!r.details().warnings().isEmpty()) {
                body.append("<h3>").append(esc(r.balancer())).append("</h3>");
                warnings(body, r);
            }
        }
        body.append("<h2>Overlaid</h2>\n");
        chart(body, "overlay-adjacent", -1, "Largest adjacent difference", series(results));
        chart(body, "overlay-spread", -1, "Highest minus lowest cell", series(results));
        chart(body, "overlay-moved", -1, "Charge moved per pair", series(results));
        chart(body, "overlay-loss", -1, "Energy lost per pair", series(results));
        body.append("<h2>Side by side</h2>\n<div class=\"grid\">\n");
        for (int i = 0; i < results.size(); i++) {
            body.append("<section><h3>").append(esc(results.get(i).balancer())).append("</h3>\n");
            runCharts(body, i, results.get(i), false);
            body.append("</section>\n");
        }
        body.append("</div>\n");
        scenario(body, in);
        JsonObject data = new JsonObject();
        JsonArray runs = new JsonArray();
        results.forEach(r -> runs.add(run(r)));
        data.add("runs", runs);
        return page(in.scenario().name() + ": comparison", body, data);
    }

    /** A sweep: its table and one chart of every run. */
    public static String sweep(ScenarioSource in, Table table) {
        StringBuilder body = new StringBuilder();
        body.append("<h1>").append(esc(in.scenario().name())).append(": sweep of ").append(table.rows().size())
                .append(" runs</h1>\n<p class=\"muted\">").append(esc(in.file().toString())).append(" · over ")
                .append(esc(String.join(", ", table.parameters()))).append("</p>\n");
        chart(body, "sweep", -1, "Energy lost against the largest adjacent difference at the end, each run a point",
                String.join(",", table.rows().stream().map(Table.Row::model).distinct().toList()));
        figures(body, table);
        scenario(body, in);
        JsonObject data = new JsonObject();
        data.add("runs", new JsonArray());
        JsonArray rows = new JsonArray();
        for (Table.Row r : table.rows()) {
            JsonObject o = new JsonObject();
            o.addProperty("model", r.model());
            if (r.figures() == null) {
                o.add("lost", null);
            } else {
                o.addProperty("lost", r.figures().energyLostWh());
                o.addProperty("adjacentMv", Math.round(r.figures().adjacentVolts() * 1e4) / 10.0);
            }
            o.add("parameters", GSON.toJsonTree(r.parameters()));
            rows.add(o);
        }
        data.add("sweep", rows);
        return page(in.scenario().name() + ": sweep", body, data);
    }

    private static String series(List<ScenarioResult> results) {
        return String.join(",", results.stream().map(ScenarioResult::balancer).toList());
    }

    private static void runCharts(StringBuilder body, int run, ScenarioResult r, boolean all) {
        int cells = r.trace().isEmpty() ? 0 : r.trace().get(0).volts().length;
        chart(body, "spreads", run, "Both spreads", "largest adjacent difference,highest minus lowest");
        chart(body, "cell-volts", run, "Every cell's voltage (terminal, as read)", cellNames(cells));
        if (all && !r.trace().isEmpty() && r.trace().get(0).soc() != null) {
            chart(body, "cell-soc", run, "Every cell's state of charge", cellNames(cells));
        }
        chart(body, "pair-currents", run, "Pair currents over time", pairNames(cells - 1));
        chart(body, "leds", run, "LED timeline", cellNames(cells));
        chart(body, "board", run, "Board timeline", "board");
        if (all) {
            chart(body, "charge-moved", run, String.format(Locale.ROOT, "Charge moved per pair (%.4f Ah in all)",
                    Figures.of(r).chargeMovedAh()), pairNames(cells - 1));
            chart(body, "energy-lost", run, String.format(Locale.ROOT, "Energy lost per pair (%.4f Wh in conversion, "
                    + "%.4f Wh bled, %.4f Wh the board drew)", r.energyLostWh(), r.energyBledWh(),
                    r.details().boardEnergyWh()), pairNames(cells - 1));
        }
    }

    private static String cellNames(int cells) {
        StringBuilder sb = new StringBuilder();
        for (int c = 1; c <= cells; c++) {
            sb.append(c > 1 ? "," : "").append("cell ").append(c);
        }
        return sb.toString();
    }

    private static String pairNames(int pairs) {
        StringBuilder sb = new StringBuilder();
        for (int k = 1; k <= pairs; k++) {
            sb.append(k > 1 ? "," : "").append("pair ").append(k);
        }
        return sb.toString();
    }

    private static void chart(StringBuilder body, String kind, int run, String title, String series) {
        body.append("<h3>").append(esc(title)).append("</h3>\n<div class=\"chart\" data-chart=\"").append(kind)
                .append('"');
        if (run >= 0) {
            body.append(" data-run=\"").append(run).append('"');
        }
        body.append(" data-series=\"").append(esc(series)).append("\"></div>\n");
    }

    private static void figures(StringBuilder body, Table t) {
        body.append("<table class=\"figures\">\n<tr>");
        for (String h : t.header()) {
            body.append("<th>").append(esc(h)).append("</th>");
        }
        body.append("</tr>\n");
        for (Table.Row r : t.rows()) {
            body.append("<tr>");
            for (String c : t.cells(r)) {
                body.append("<td>").append(esc(c)).append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</table>\n");
    }

    private static void warnings(StringBuilder body, ScenarioResult r) {
        if (r.details().warnings().isEmpty() && r.events().isEmpty()) {
            body.append("<p class=\"muted\">No warnings.</p>\n");
            return;
        }
        body.append("<ul class=\"warnings\">\n");
        for (String w : r.details().warnings()) {
            body.append("<li>").append(esc(w)).append("</li>\n");
        }
        for (String e : r.events()) {
            body.append("<li>event: ").append(esc(e)).append("</li>\n");
        }
        body.append("</ul>\n");
    }

    private static void scenario(StringBuilder body, ScenarioSource in) {
        body.append("<h2>The scenario</h2>\n<pre class=\"scenario\">").append(esc(in.text())).append("</pre>\n");
    }

    /** A run's data for the script: its trace at most {@link #MAX_POINTS} samples, its timelines whole. */
    public static JsonObject run(ScenarioResult r) {
        List<ScenarioResult.VoltageSample> trace = r.trace();
        List<ScenarioResult.Sample> spread = r.spread();
        int n = trace.size();
        int stride = Math.max(1, (n + MAX_POINTS - 1) / MAX_POINTS);
        int cells = n == 0 ? 0 : trace.get(0).volts().length;
        JsonArray t = new JsonArray();
        JsonArray adjacent = new JsonArray();
        JsonArray full = new JsonArray();
        JsonArray[] volts = arrays(cells);
        JsonArray[] soc = arrays(cells);
        JsonArray[] amps = arrays(Math.max(0, cells - 1));
        boolean hasSoc = n > 0 && trace.get(0).soc() != null;
        for (int i = 0; i < n; i += stride) {
            int j = i + stride >= n ? n - 1 : i; // the last sample always
            ScenarioResult.VoltageSample v = trace.get(j);
            t.add(v.atSeconds());
            adjacent.add(finite(spread.get(j).volts()));
            full.add(finite(spread.get(j).spreadVolts()));
            for (int c = 0; c < cells; c++) {
                volts[c].add(finite(v.volts()[c]));
                if (hasSoc) {
                    soc[c].add(v.soc()[c]);
                }
            }
            for (int k = 0; k < cells - 1; k++) {
                amps[k].add(v.pairAmps() == null ? 0 : v.pairAmps()[k]);
            }
            if (j == n - 1) {
                break;
            }
        }
        JsonObject o = new JsonObject();
        o.addProperty("name", r.balancer());
        o.addProperty("cells", cells);
        o.addProperty("end", Math.max(r.simulatedSeconds(), 1e-9));
        o.add("t", t);
        o.add("adjacent", adjacent);
        o.add("spread", full);
        o.add("volts", all(volts));
        o.add("soc", hasSoc ? all(soc) : null);
        o.add("pairAmps", all(amps));
        JsonArray leds = new JsonArray();
        for (ScenarioResult.IndicatorChange c : r.indicators()) {
            JsonArray e = new JsonArray();
            e.add(c.atSeconds());
            e.add(c.cell() - 1);
            e.add(c.state().name());
            leds.add(e);
        }
        o.add("leds", leds);
        JsonArray board = new JsonArray();
        for (ScenarioResult.BoardChange c : r.boardStates()) {
            JsonArray e = new JsonArray();
            e.add(c.atSeconds());
            e.add(c.state().name());
            board.add(e);
        }
        o.add("board", board);
        o.add("moved", GSON.toJsonTree(r.pairChargeMovedAh()));
        o.add("loss", GSON.toJsonTree(r.details().pairLossWh()));
        return o;
    }

    /** JSON has no NaN: an unknown value (an open wire) is a gap in the chart. */
    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static JsonArray[] arrays(int n) {
        JsonArray[] a = new JsonArray[n];
        for (int i = 0; i < n; i++) {
            a[i] = new JsonArray();
        }
        return a;
    }

    private static JsonArray all(JsonArray[] arrays) {
        JsonArray a = new JsonArray();
        for (JsonArray x : arrays) {
            a.add(x);
        }
        return a;
    }

    private static String page(String title, StringBuilder body, JsonObject data) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + esc(title)
                + "</title>\n<style>\n" + resource(UPLOT + "uPlot.min.css") + "\n" + resource("report.css")
                + "</style>\n</head>\n<body>\n" + body + "<p class=\"muted\">Made by Cellgate's scenario command; charts "
                + "by uPlot 1.6.30 (MIT licence), inlined.</p>\n<script type=\"application/json\" id=\"data\">"
                + GSON.toJson(data) + "</script>\n<script>\n" + resource(UPLOT + "uPlot.iife.min.js")
                + "\n</script>\n<script>\n" + resource("report.js") + "</script>\n</body>\n</html>\n";
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the report's resource " + name + " is missing from the bundle");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
