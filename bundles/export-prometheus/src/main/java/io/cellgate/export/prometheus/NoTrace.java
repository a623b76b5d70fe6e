package io.cellgate.export.prometheus;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.Preprocessor;
import org.osgi.service.servlet.whiteboard.annotations.RequireHttpWhiteboard;

/**
 * Answers {@code TRACE} (and its old alias {@code TRACK}) with 405 for every path of the gateway's HTTP server:
 * servlets inherit {@code HttpServlet.doTrace}, which echoes the request's headers (cookies, credentials) back with
 * 200, and Felix HTTP has no switch to turn it off. A whiteboard preprocessor runs before any servlet or 404 is
 * chosen, so no servlet registered later can bring it back.
 */
@Component(service = Preprocessor.class)
@RequireHttpWhiteboard
public final class NoTrace implements Preprocessor {

    static final Set<String> REFUSED = Set.of("TRACE", "TRACK");
    /** The methods the gateway's endpoints answer. */
    static final String ALLOWED = "GET, HEAD, OPTIONS";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse out
                && REFUSED.contains(http.getMethod().toUpperCase(Locale.ROOT))) {
            out.setHeader("Allow", ALLOWED);
            out.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED, http.getMethod() + " is disabled");
            return;
        }
        chain.doFilter(request, response);
    }
}
