package io.cellgate.web;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.annotations.RequireHttpWhiteboard;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The console's two pages: the packs overview at {@code /} and a pack at {@code /packs/<id>} (one page for every
 * pack: its script reads the id from the address). Both are static; what they show comes from the API. Every other
 * path that nothing else on the whiteboard serves is answered 404 here.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("cellgate-web-pages")
@HttpWhiteboardServletPattern({"/", "/packs/*"})
@RequireHttpWhiteboard
public final class PageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern PACK_PAGE = Pattern.compile("/packs/[A-Za-z0-9_-]{1,64}/?");
    /** Scripts and styles from this server only, no inline script: what a page shows cannot run as code. */
    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private final byte[] overview;
    private final byte[] pack;

    @Activate
    public PageServlet() {
        overview = resource("/web/index.html");
        pack = resource("/web/pack.html");
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        byte[] page = path.equals("/") || path.equals("/index.html") ? overview
                : PACK_PAGE.matcher(path).matches() ? pack : null;
        resp.setHeader("X-Content-Type-Options", "nosniff");
        if (page == null) {
            resp.setStatus(HttpServletResponse.SC_NOT_FOUND);
            resp.setContentType("text/plain");
            resp.setCharacterEncoding("UTF-8");
            resp.getWriter().write("Not found: " + path + ". The console is at / and /packs/<pack id>.\n");
            return;
        }
        resp.setContentType("text/html");
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Content-Security-Policy", CSP);
        resp.setHeader("Cache-Control", "no-cache");
        resp.setContentLength(page.length);
        resp.getOutputStream().write(page);
    }

    private static byte[] resource(String name) {
        try (InputStream in = PageServlet.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the bundle");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
