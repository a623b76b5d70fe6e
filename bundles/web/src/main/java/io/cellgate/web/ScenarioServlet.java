package io.cellgate.web;

import io.cellgate.api.scenario.ScenarioResults;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.servlet.whiteboard.annotations.RequireHttpWhiteboard;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The recent scenario runs ({@code sim:run}) at {@code /scenarios}, read-only, as {@link ScenarioPages} decides;
 * a read follows the console's read rules ({@link ConsoleAccess}). Without the simulator the list says so.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("cellgate-web-scenarios")
@HttpWhiteboardServletPattern({"/scenarios", "/scenarios/*"})
@RequireHttpWhiteboard
public final class ScenarioServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile ScenarioResults results;

    private final transient ConsoleAccess access;

    @Activate
    public ScenarioServlet(@Reference ConsoleAccess access) {
        this.access = access;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Cache-Control", "no-cache");
        resp.setCharacterEncoding("UTF-8");
        AccessRules.Refused refused = access.read(req);
        if (refused != null) {
            text(resp, refused.status(), refused.message() + "\n");
            return;
        }
        String path = req.getRequestURI().substring(req.getContextPath().length());
        ScenarioPages.Answer a = ScenarioPages.answer(path, results);
        if (a.file() == null) {
            resp.setStatus(a.status());
            resp.setContentType(a.contentType());
            if (a.contentType().equals("text/html")) {
                resp.setHeader("Content-Security-Policy", PageServlet.CSP);
            }
            byte[] body = ScenarioPages.bytes(a.text());
            resp.setContentLength(body.length);
            resp.getOutputStream().write(body);
            return;
        }
        long size;
        try {
            size = Files.size(a.file());
        } catch (NoSuchFileException e) {
            text(resp, HttpServletResponse.SC_NOT_FOUND, "The file " + a.file() + " is gone: run the scenario again "
                    + "with sim:run.\n");
            return;
        }
        resp.setStatus(a.status());
        resp.setContentType(a.contentType());
        if (a.contentType().equals("text/html")) {
            resp.setHeader("Content-Security-Policy", ScenarioPages.REPORT_CSP);
        }
        resp.setContentLengthLong(size);
        Files.copy(a.file(), resp.getOutputStream());
    }

    private static void text(HttpServletResponse resp, int status, String message) throws IOException {
        resp.setStatus(status);
        resp.setContentType("text/plain");
        byte[] body = ScenarioPages.bytes(message);
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }
}
