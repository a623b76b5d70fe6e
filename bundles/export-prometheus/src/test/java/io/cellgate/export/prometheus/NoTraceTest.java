package io.cellgate.export.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("TRACE is refused with 405 before any servlet sees it; other methods pass")
class NoTraceTest {

    /** What the preprocessor did to the response, and whether the request went on. */
    private final List<String> done = new ArrayList<>();

    private void send(String method) throws Exception {
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (p, m, a) -> m.getName().equals("getMethod") ? method : null);
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (p, m, a) -> {
                    done.add(m.getName() + (a == null ? "" : List.of(a)));
                    return null;
                });
        FilterChain chain = (req, res) -> done.add("chain");
        new NoTrace().doFilter(request, response, chain);
    }

    @Test
    void traceAndTrackAreMethodNotAllowed() throws Exception {
        send("TRACE");
        assertEquals(List.of("setHeader[Allow, GET, HEAD, OPTIONS]", "sendError[405, TRACE is disabled]"), done);
        done.clear();
        send("track");
        assertEquals(List.of("setHeader[Allow, GET, HEAD, OPTIONS]", "sendError[405, track is disabled]"), done);
    }

    @Test
    void getAndHeadGoOnToTheServlets() throws Exception {
        send("GET");
        send("HEAD");
        assertEquals(List.of("chain", "chain"), done);
    }
}
