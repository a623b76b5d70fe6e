package io.cellgate.web;

import com.google.gson.JsonObject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The console's door: applies {@link AccessRules} to each API request and keeps the logins. {@code GET /api/session}
 * tells a page whether it may change anything, why not, and gives it the token to change with;
 * {@code POST /api/login} ({@code {"user", "password"}}) opens a session, its id in an HttpOnly, SameSite=Strict
 * cookie; {@code POST /api/logout} ends it.
 */
@Component(configurationPid = "io.cellgate.web", service = ConsoleAccess.class)
public final class ConsoleAccess {

    static final String COOKIE = "cellgate-session";
    static final long SESSION_HOURS = 12;

    private final Sessions sessions = new Sessions(TimeUnit.HOURS.toMillis(SESSION_HOURS), 16,
            System::currentTimeMillis);
    /** Without a password, the one token the gateway's own (loopback) pages change with; new at each start. */
    private final String loopbackToken = Sessions.randomToken();
    private final Logger log;
    private volatile Door door;

    /** What the configuration sets, replaced whole when it changes: a request reads it once. */
    private record Door(AccessRules rules, PasswordHash password, String user, String passwordHash) {
    }

    @Activate
    public ConsoleAccess(WebConfig config, @Reference(service = LoggerFactory.class) Logger log) {
        this.log = log;
        this.door = door(config, log);
    }

    /**
     * A new configuration applies at once, without deactivating the console (its servlet would go from Jetty for a
     * moment, and a request in between get Jetty's own answer); a new password or user ends every session.
     */
    @Modified
    void modified(WebConfig config) {
        Door next = door(config, log);
        Door before = door;
        door = next;
        if (!next.passwordHash().equals(before.passwordHash()) || !next.user().equals(before.user())) {
            sessions.clear();
        }
    }

    private static Door door(WebConfig config, Logger log) {
        String user = config.user().isBlank() ? "admin" : config.user().strip();
        PasswordHash hash = null;
        boolean set = !config.password_hash().isBlank();
        if (set) {
            try {
                hash = PasswordHash.parse(config.password_hash());
            } catch (IllegalArgumentException e) {
                // set but unusable: nobody logs in (rather than nobody needing to)
                log.error("web console: {}; nobody can log in until it is fixed", e.getMessage());
            }
        }
        Set<String> hosts = Arrays.stream(config.allowed_hosts()).map(String::strip).filter(h -> !h.isEmpty())
                .collect(Collectors.toSet());
        return new Door(new AccessRules(set, config.reads_require_login(), hosts), hash, user,
                config.password_hash().strip());
    }

    /** Whether the path is the door's own: /session, /login, /logout. */
    static boolean handles(String path) {
        return path.equals("/session") || path.equals("/login") || path.equals("/logout");
    }

    void serve(String path, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Door d = door;
        AccessRules rules = d.rules();
        AccessRules.Request r = request(req);
        if (path.equals("/session")) {
            if (!"GET".equals(req.getMethod())) {
                methodNotAllowed(resp, "GET");
                return;
            }
            AccessRules.Refused refused = rules.host(r.host());
            if (refused != null) {
                JsonHttp.error(resp, refused.status(), refused.message());
                return;
            }
            JsonHttp.json(resp, session(rules, r, expectedToken(rules, req)));
            return;
        }
        if (!"POST".equals(req.getMethod())) {
            methodNotAllowed(resp, "POST");
            return;
        }
        if (path.equals("/login")) {
            login(d, r, req, resp);
        } else {
            AccessRules.Refused refused = rules.change(r, expectedToken(rules, req));
            if (refused != null) {
                JsonHttp.error(resp, refused.status(), refused.message());
                return;
            }
            sessions.close(sessionId(req));
            resp.addHeader("Set-Cookie", COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
            log.info("web console: {} logged out from {}", r.session(), req.getRemoteAddr());
            JsonHttp.json(resp, session(rules, withSession(r, null), null));
        }
    }

    private static AccessRules.Request withSession(AccessRules.Request r, String user) {
        return new AccessRules.Request(r.remoteAddress(), r.host(), r.origin(), r.fetchSite(), r.token(), user);
    }

    /** What a page is told: whether it may change, with the token to send, or why it may not. */
    private static JsonObject session(AccessRules rules, AccessRules.Request r, String token) {
        JsonObject o = new JsonObject();
        o.addProperty("passwordSet", rules.passwordSet());
        o.addProperty("loggedIn", r.session() != null);
        o.addProperty("user", r.session());
        boolean may = rules.mayChange(r);
        o.addProperty("mayChange", may);
        o.addProperty("token", may ? token : null);
        AccessRules.Refused why = may ? null : rules.change(r, null);
        o.addProperty("why", why == null ? null : why.message());
        return o;
    }

    private void login(Door d, AccessRules.Request r, HttpServletRequest req, HttpServletResponse resp)
            throws IOException {
        AccessRules.Refused refused = d.rules().login(r);
        if (refused != null) {
            JsonHttp.error(resp, refused.status(), refused.message());
            return;
        }
        JsonObject body = JsonHttp.body(req);
        String name = JsonHttp.text(body, "user").strip();
        char[] given = JsonHttp.text(body, "password").toCharArray();
        boolean good;
        synchronized (this) { // one check at a time: each costs a fifth of a second of a core on purpose
            good = d.password() != null && name.equals(d.user()) && d.password().matches(given);
        }
        Arrays.fill(given, '\0');
        if (!good) {
            log.warn("web console: a login as '{}' from {} was refused", name, req.getRemoteAddr());
            JsonHttp.error(resp, HttpServletResponse.SC_UNAUTHORIZED, "wrong user or password");
            return;
        }
        String id = sessions.open(d.user());
        resp.addHeader("Set-Cookie", COOKIE + "=" + id + "; Path=/; Max-Age=" + TimeUnit.HOURS.toSeconds(SESSION_HOURS)
                + "; HttpOnly; SameSite=Strict" + (req.isSecure() ? "; Secure" : ""));
        log.info("web console: {} logged in from {}", d.user(), req.getRemoteAddr());
        JsonHttp.json(resp, session(d.rules(), withSession(r, d.user()), sessions.find(id).token()));
    }

    /** Null when the request may read; else why not. */
    AccessRules.Refused read(HttpServletRequest req) {
        return door.rules().read(request(req));
    }

    /** Null when the request may change; else why not. */
    AccessRules.Refused change(HttpServletRequest req) {
        AccessRules rules = door.rules();
        return rules.change(request(req), expectedToken(rules, req));
    }

    /** Who asked, for the pack's log: "web console user admin from 192.0.2.7". */
    String who(HttpServletRequest req) {
        Sessions.Session s = sessions.find(sessionId(req));
        return "web console " + (s == null ? "without a password" : "user " + s.user()) + " from "
                + req.getRemoteAddr();
    }

    /** The token a change must carry: the session's, or without a password the console's one. */
    private String expectedToken(AccessRules rules, HttpServletRequest req) {
        if (!rules.passwordSet()) {
            return loopbackToken;
        }
        Sessions.Session s = sessions.find(sessionId(req));
        return s == null ? null : s.token();
    }

    private AccessRules.Request request(HttpServletRequest req) {
        Sessions.Session s = sessions.find(sessionId(req));
        return new AccessRules.Request(req.getRemoteAddr(), req.getHeader("Host"), req.getHeader("Origin"),
                req.getHeader("Sec-Fetch-Site"), req.getHeader(AccessRules.TOKEN_HEADER), s == null ? null : s.user());
    }

    private static String sessionId(HttpServletRequest req) {
        Cookie[] cookies = req.getCookies();
        if (cookies == null) {
            return null;
        }
        return Arrays.stream(cookies).filter(c -> c.getName().equals(COOKIE)).map(Cookie::getValue).findFirst()
                .orElse(null);
    }

    private static void methodNotAllowed(HttpServletResponse resp, String allowed) throws IOException {
        resp.setHeader("Allow", allowed);
        JsonHttp.error(resp, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "use " + allowed + " here");
    }
}
