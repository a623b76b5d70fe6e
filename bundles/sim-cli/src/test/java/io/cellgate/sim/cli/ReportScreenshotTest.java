package io.cellgate.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report as a browser shows it: Debian's headless Chromium opens the file offline, every chart is drawn (uPlot's
 * five, the three canvases), and its screenshot is the one in docs/simulator.md (docs/simulator/report.png).
 */
class ReportScreenshotTest {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final Path SCREENSHOT = Path.of("../../docs/simulator/report.png");

    @TempDir
    Path dir;

    private String chromium(String... args) throws IOException, InterruptedException {
        assertTrue(new File(CHROMIUM).canExecute(), "the browser tests need Debian's chromium (apt-get install -y "
                + "chromium), see README.md");
        List<String> command = new ArrayList<>(List.of(CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu",
                "--hide-scrollbars", "--user-data-dir=" + dir.resolve("profile")));
        command.addAll(List.of(args));
        Path out = dir.resolve("chromium.out");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(dir.resolve("chromium.err").toFile()).start();
        try {
            assertTrue(p.waitFor(90, TimeUnit.SECONDS), "chromium finished");
        } finally {
            p.destroyForcibly();
        }
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("chromium.err")));
        return Files.readString(out);
    }

    @Test
    void chromiumDrawsEveryChartOfAReportAndItsScreenshotGoesIntoTheDocs() throws Exception {
        Path html = dir.resolve("report.html");
        ScenarioCliTest.Run r = ScenarioCliTest.run(ScenarioCliTest.SHIPPED + "20s-ncm-300mv.json",
                dir.resolve("r.json").toString(), "--report", html.toString());
        assertEquals(0, r.exit(), r.err());

        Document dom = Jsoup.parse(chromium("--dump-dom", "--virtual-time-budget=5000", html.toUri().toString()));
        assertEquals(HtmlReportTest.SINGLE.size(), dom.select("div.chart[data-drawn=true]").size(),
                "every chart drawn: " + dom.select("div.chart").eachAttr("data-chart"));
        assertEquals(5, dom.select("div.chart div.uplot").size(), "uPlot's charts: spreads, voltages, SOC, charge, loss");
        assertEquals(3, dom.select("div.chart > canvas").size(), "the heat map, the LEDs, the board");
        assertTrue(dom.select("div.chart").stream().noneMatch(e -> e.ownText().startsWith("chart failed")));

        Files.createDirectories(SCREENSHOT.getParent());
        Path png = dir.resolve("report.png");
        chromium("--window-size=1100,2900", "--virtual-time-budget=5000", "--screenshot=" + png,
                html.toUri().toString());
        byte[] bytes = Files.readAllBytes(png);
        assertTrue(bytes.length > 50_000, "a screenshot with charts: " + bytes.length + " bytes");
        assertEquals(0x89, bytes[0] & 0xff, "a PNG");
        Files.copy(png, SCREENSHOT, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
