package io.cellgate.web;

import io.cellgate.api.scenario.ScenarioResults;
import io.cellgate.api.scenario.ScenarioRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code /scenarios} answers, decided from the path and the list of recent runs alone (no servlet), so each
 * answer is tested on its own: the list at {@code /scenarios}, a run's HTML report at {@code /scenarios/<id>/report}
 * and its JSON result at {@code /scenarios/<id>/result}. Only a file the list names is ever served, found by the
 * run's id: a path in the address is never opened. Anything else is a 404 that says where the list is.
 */
final class ScenarioPages {

    private static final Pattern FILE = Pattern.compile("/scenarios/([A-Za-z0-9._-]{1,100})/(report|result)/?");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    /**
     * A report is a page of its own with its script and style inline (it opens offline as a file): inline script may
     * run, nothing may be fetched, and it may not be framed.
     */
    static final String REPORT_CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
            + "img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /** An answer: a status, a content type, and a text or a file. */
    record Answer(int status, String contentType, String text, Path file) {

        static Answer notFound(String message) {
            return new Answer(404, "text/plain", message + "\n", null);
        }
    }

    private ScenarioPages() {
    }

    /** The answer to {@code GET path}; {@code results} null when the simulator is not running. */
    static Answer answer(String path, ScenarioResults results) {
        if (path.equals("/scenarios") || path.equals("/scenarios/")) {
            return new Answer(200, "text/html", list(results == null ? null : results.recent()), null);
        }
        Matcher m = FILE.matcher(path);
        if (!m.matches()) {
            return Answer.notFound("Not found: " + path + ". The scenario runs are listed at /scenarios.");
        }
        String id = m.group(1);
        Optional<ScenarioRun> run = results == null ? Optional.empty() : results.find(id);
        if (run.isEmpty()) {
            return Answer.notFound("No recent scenario run '" + id + "': the runs this gateway knows are listed at "
                    + "/scenarios.");
        }
        boolean report = m.group(2).equals("report");
        Path file = report ? run.get().report() : run.get().result();
        if (file == null) {
            return Answer.notFound("The run '" + id + "' wrote no report; its result is at /scenarios/" + id
                    + "/result.");
        }
        if (!Files.isRegularFile(file)) {
            return Answer.notFound("The " + (report ? "report" : "result") + " of the run '" + id + "', " + file
                    + ", is gone: run the scenario again with sim:run.");
        }
        return new Answer(200, report ? "text/html" : "application/json", null, file);
    }

    /** The list page: a row per run, newest first, with links to its report and result. */
    static String list(List<ScenarioRun> runs) {
        StringBuilder b = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="color-scheme" content="light dark">
                <title>Cellgate — scenarios</title>
                <link rel="stylesheet" href="/static/console.css">
                </head>
                <body>
                <header class="top">
                  <h1><a href="/" aria-label="All packs">Cellgate</a> / scenarios</h1>
                </header>
                <main>
                """);
        if (runs == null) {
            b.append("<p class=\"empty\">The simulator is not running in this gateway: scenario runs come from its "
                    + "<code>sim:run</code> command (bundle <code>io.cellgate.sim</code>).</p>\n");
        } else if (runs.isEmpty()) {
            b.append("<p class=\"empty\">No scenario run yet. In the gateway's shell, run one with a result file, "
                    + "e.g. <code>sim:run config/scenarios/20s-ncm-300mv.json /tmp/day.json</code>: its report and "
                    + "result are listed here.</p>\n");
        } else {
            b.append("<table class=\"scenarios\" id=\"scenarios\">\n<caption>The last ").append(runs.size())
                    .append(" runs of <code>sim:run</code>, newest first</caption>\n<thead><tr><th scope=\"col\">"
                            + "Scenario</th><th scope=\"col\">Model</th><th scope=\"col\">Finished</th>"
                            + "<th scope=\"col\">Balanced at</th><th scope=\"col\">Final adjacent difference</th>"
                            + "<th scope=\"col\">Files</th></tr></thead>\n<tbody>\n");
            for (ScenarioRun r : runs) {
                String base = "/scenarios/" + r.id() + "/";
                b.append("<tr data-id=\"").append(esc(r.id())).append("\"><td>").append(esc(r.scenario()))
                        .append("</td><td>").append(esc(r.model())).append("</td><td>")
                        .append(WHEN.format(r.finishedAt())).append("</td><td>")
                        .append(r.balancedAtSeconds() == null ? "not balanced"
                                : String.format(Locale.ROOT, "%.0f s", r.balancedAtSeconds()))
                        .append("</td><td>").append(String.format(Locale.ROOT, "%.1f mV", r.finalSpreadVolts() * 1000))
                        .append("</td><td>");
                if (r.report() != null) {
                    b.append("<a class=\"report\" href=\"").append(esc(base)).append("report\">report</a> · ");
                }
                b.append("<a class=\"result\" href=\"").append(esc(base)).append("result\">result (JSON)</a>")
                        .append("</td></tr>\n");
            }
            b.append("</tbody>\n</table>\n");
        }
        return b.append("</main>\n</body>\n</html>\n").toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
