package io.cellgate.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.balancer.Balancer;
import io.cellgate.api.balancer.Decision;
import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackHealth;
import io.cellgate.api.pack.PackReading;
import io.cellgate.api.recording.RecordingFormat;
import io.cellgate.balancer.ek.EkModel;
import io.cellgate.sim.model.SimPack;
import io.cellgate.sim.model.SimPackSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "what if": a recording of a 20S pack balanced by the datasheet board, replayed through the datasheet
 * board and the tight variant in one comparison (docs/exporters.md), and why the 16S LFP variant does not fit it.
 */
class ReplayCompareTest {

    static final double[] VOLTS = {3.70, 3.75, 3.68, 3.82, 3.71, 3.66, 3.96, 3.72, 3.69, 3.74, 3.70, 3.78, 3.67, 3.73,
            3.71, 3.85, 3.70, 3.72, 3.69, 3.74};
    static final int ROWS = 7200;

    @TempDir
    Path dir;

    private Path tuesday() throws IOException {
        Path csv = dir.resolve("pack1-20261125T000000Z.csv");
        SimPack pack = new SimPack(SimPackSpec.builder(20, Chemistry.NCM, 2.5).initialVolts(VOLTS).build());
        Balancer balancer = new EkModel().create(pack.spec().description("pack1"));
        PackReading r = new PackReading(20);
        Decision d = new Decision(20);
        StringBuilder b = new StringBuilder(RecordingFormat.header(20)).append('\n');
        for (int i = 0; i < ROWS; i++) {
            pack.read(r);
            d.reset();
            balancer.decide(r, d);
            b.append(RecordingFormat.row(1_764_028_800_000L + i * 1000L, i + 1, r, d, PackHealth.OK)).append('\n');
            pack.step(1.0, 0, d);
        }
        Files.writeString(csv, b);
        Path scenario = dir.resolve("tuesday.json");
        Files.writeString(scenario, "{\"name\": \"pack1, Tuesday, through the tight variant\", \"replay\": \""
                + csv.getFileName() + "\", \"pack\": {\"cells\": 20, \"chemistry\": \"NCM\"}, "
                + "\"balancer\": \"EK-L20S1A/tight\"}");
        return scenario;
    }

    @Test
    void aRecordingComparedThroughTwoVariantsThatFitIt() throws IOException {
        Path scenario = tuesday();
        Path html = dir.resolve("tuesday.html");
        ScenarioCliTest.Run r = ScenarioCliTest.run("compare", scenario.toString(), "EK-L20S1A/datasheet",
                "EK-L20S1A/tight", "--report", html.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> rows = r.out().lines().toList();
        assertEquals(3, rows.size(), r.out());
        assertTrue(rows.get(1).startsWith("EK-L20S1A/datasheet") && rows.get(2).startsWith("EK-L20S1A/tight"));
        assertTrue(!r.err().contains("low strings") && !r.err().contains("cascade"), "both fit: " + r.err());
        Document doc = Jsoup.parse(html.toFile(), "UTF-8");
        assertEquals(2, HtmlReportTest.data(doc).getAsJsonArray("runs").size());
        assertTrue(doc.select("div.chart[data-chart=overlay-adjacent]").attr("data-series")
                .equals("EK-L20S1A/datasheet,EK-L20S1A/tight"));
    }

    @Test
    void theLfpVariantWarnsThatItIsACascadeWithOpenChannelsOnTheRecordedPack() throws IOException {
        ScenarioCliTest.Run r = ScenarioCliTest.run("--models", tuesday().toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("EK-L20S1A/lfp") && l.contains("low strings")
                && l.contains("cascade")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("EK-L20S1A/tight") && l.endsWith(" fits")), r.out());
    }
}
