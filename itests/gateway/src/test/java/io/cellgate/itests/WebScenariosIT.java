package io.cellgate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.Test;

/**
 * {@code sim:run} in the running gateway's console writes its result and its HTML report, and the web console lists
 * the run at {@code /scenarios} and serves its report, which parses with its charts, and its result; an unknown run
 * or a path in the address is a 404.
 */
public class WebScenariosIT {

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    public void aRunOfSimRunIsListedAndItsReportOpens() throws Exception {
        int port = GatewayOptions.freePort();
        String base = "http://127.0.0.1:" + port;
        try (GatewayConsole gateway = new GatewayConsole(port)) {
            gateway.awaitReady();
            HeadlessBrowser.awaitHttp(base + "/api/packs");
            HttpClient http = HttpClient.newHttpClient();
            assertTrue(get(http, base + "/scenarios").body().contains("No scenario run yet"));

            Path result = gateway.dir.resolve("day.json");
            gateway.type("sim:run config/scenarios/20s-ncm-300mv.json " + result + "\r");
            gateway.await("the report written", s -> s.contains("report written to"));
            assertTrue(Files.isRegularFile(gateway.dir.resolve("day.html")));

            HttpResponse<String> list = get(http, base + "/scenarios");
            assertEquals(200, list.statusCode());
            Document page = Jsoup.parse(list.body(), base + "/scenarios");
            Element row = page.selectFirst("#scenarios tbody tr");
            assertTrue(list.body(), row != null && row.text().contains("EK-L20S1A"));
            String reportUrl = row.selectFirst("a.report").absUrl("href");
            String resultUrl = row.selectFirst("a.result").absUrl("href");

            HttpResponse<String> report = get(http, reportUrl);
            assertEquals(200, report.statusCode());
            assertTrue(report.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
            Document doc = Jsoup.parse(report.body());
            assertTrue(doc.select("div.chart[data-chart=spreads]").size() == 1);
            assertTrue(doc.select("div.chart[data-chart=cell-volts]").size() == 1);
            assertTrue(doc.select("div.chart[data-chart=pair-currents]").size() == 1);
            assertTrue(doc.selectFirst("script#data").data().contains("\"runs\""));
            assertTrue("uPlot inlined", doc.select("script").stream().anyMatch(s -> s.data().contains("uPlot")));

            HttpResponse<String> json = get(http, resultUrl);
            assertEquals(200, json.statusCode());
            assertEquals(Files.readString(result), json.body());

            HttpResponse<String> unknown = get(http, base + "/scenarios/nothing/report");
            assertEquals(404, unknown.statusCode());
            assertTrue(unknown.body(), unknown.body().contains("/scenarios"));
            assertEquals(404, get(http, base + "/scenarios/day.json/result").statusCode());
            assertTrue(get(http, base + "/").body().contains("href=\"/scenarios\""));
        }
    }
}
