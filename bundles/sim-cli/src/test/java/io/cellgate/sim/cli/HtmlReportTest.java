package io.cellgate.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report is one HTML file that parses, holds a chart for every series it promises, and needs nothing else. */
class HtmlReportTest {

    static final List<String> SINGLE = List.of("spreads", "cell-volts", "cell-soc", "pair-currents", "leds", "board",
            "charge-moved", "energy-lost");

    @TempDir
    Path dir;

    static Document report(Path file, String... args) throws IOException {
        ScenarioCliTest.Run r = ScenarioCliTest.run(args);
        assertEquals(0, r.exit(), r.err());
        return Jsoup.parse(file.toFile(), "UTF-8");
    }

    static JsonObject data(Document doc) {
        return JsonParser.parseString(doc.getElementById("data").data()).getAsJsonObject();
    }

    static void selfContained(Document doc) {
        assertTrue(doc.select("script[src], link[href], img[src], iframe").isEmpty(), "nothing loaded from elsewhere");
        assertTrue(doc.select("script").stream().anyMatch(s -> s.data().contains("uPlot")), "uPlot inlined");
        assertTrue(doc.select("style").first().data().contains(".uplot"), "uPlot's style inlined");
    }

    @Test
    void oneRunHasAChartForEverySeriesItsWarningsAndItsScenario() throws IOException {
        Path html = dir.resolve("r.html");
        Document doc = report(html, ScenarioCliTest.SHIPPED + "20s-ncm-300mv.json", dir.resolve("r.json").toString(),
                "--report", html.toString());
        selfContained(doc);
        for (String chart : SINGLE) {
            assertEquals(1, doc.select("div.chart[data-chart=" + chart + "]").size(), chart);
        }
        Element volts = doc.selectFirst("div.chart[data-chart=cell-volts]");
        assertEquals(20, volts.attr("data-series").split(",").length, "a series per cell");
        assertEquals(19, doc.selectFirst("div.chart[data-chart=pair-currents]").attr("data-series").split(",").length,
                "a row per pair");
        assertEquals(2, doc.selectFirst("div.chart[data-chart=spreads]").attr("data-series").split(",").length,
                "both spreads");
        JsonObject run = data(doc).getAsJsonArray("runs").get(0).getAsJsonObject();
        int samples = run.getAsJsonArray("t").size();
        assertTrue(samples > 100, "the trace: " + samples);
        assertEquals(20, run.getAsJsonArray("volts").size());
        assertEquals(samples, run.getAsJsonArray("volts").get(19).getAsJsonArray().size());
        assertEquals(19, run.getAsJsonArray("pairAmps").size());
        assertEquals(19, run.getAsJsonArray("moved").size());
        assertEquals(19, run.getAsJsonArray("loss").size());
        assertTrue(run.getAsJsonArray("leds").size() > 0 && run.getAsJsonArray("board").size() > 0);
        assertTrue(doc.select("ul.warnings li").eachText().stream().anyMatch(w -> w.startsWith("the board never slept")));
        assertTrue(doc.selectFirst("pre.scenario").text().contains("\"durationSeconds\": 86400"));
        assertEquals("never", doc.select("table.figures td").get(1).text(), "balanced_at_s");
    }

    @Test
    void aComparisonOverlaysEveryModelAndShowsEachSideBySide() throws IOException {
        Path html = dir.resolve("c.html");
        Document doc = report(html, "compare", ScenarioCliTest.SHIPPED + "16s-lfp-top.json", "EK-L20S1A/lfp",
                "AEQ-1.2A", "PASSIVE-BLEED/libresolar", "--report", html.toString());
        selfContained(doc);
        for (String chart : List.of("overlay-adjacent", "overlay-spread", "overlay-moved", "overlay-loss")) {
            Element e = doc.selectFirst("div.chart[data-chart=" + chart + "]");
            assertEquals(List.of("EK-L20S1A/lfp", "AEQ-1.2A/listing", "PASSIVE-BLEED/libresolar"),
                    List.of(e.attr("data-series").split(",")), chart);
        }
        for (int run = 0; run < 3; run++) {
            for (String chart : List.of("spreads", "cell-volts", "pair-currents", "leds", "board")) {
                assertEquals(1, doc.select("div.chart[data-chart=" + chart + "][data-run=" + run + "]").size(),
                        chart + " of run " + run);
            }
        }
        assertEquals(4, doc.select("table.figures tr").size(), "a header and a row per model");
        assertEquals(3, data(doc).getAsJsonArray("runs").size());
    }
}
