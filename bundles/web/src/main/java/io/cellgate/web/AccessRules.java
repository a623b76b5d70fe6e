package io.cellgate.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Who may read and who may change what, decided from a request's facts alone (no servlet, no clock), so each rule is
 * tested on its own:
 * <ul>
 * <li>the {@code Host} a browser sent must be an address, {@code localhost}, or a name the configuration allows: a
 * page of another site whose name was made to point at the gateway (DNS rebinding) is refused;</li>
 * <li>a change comes from this console's own pages: an {@code Origin} (and {@code Sec-Fetch-Site}) of another site is
 * refused, and the request carries the token the page was given ({@code X-Cellgate-Token}), which another site cannot
 * read;</li>
 * <li>without a password only the gateway itself (a loopback client) may change anything; with one, only a logged-in
 * session may, wherever it comes from;</li>
 * <li>reads need a login only when the configuration says so.</li>
 * </ul>
 */
final class AccessRules {

    /** The header the pages send the token in; a cross-site form cannot set a header, nor can a script of another site. */
    static final String TOKEN_HEADER = "X-Cellgate-Token";
    static final String CONFIG_FILE = "config/io.cellgate.web.cfg";

    /** A refusal: the HTTP status and what to do about it. */
    record Refused(int status, String message) {
    }

    /** What a request says of itself. {@code session} is the logged-in user, or null. */
    record Request(String remoteAddress, String host, String origin, String fetchSite, String token, String session) {
    }

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final boolean passwordSet;
    private final boolean readsRequireLogin;
    private final Set<String> allowedHosts;

    AccessRules(boolean passwordSet, boolean readsRequireLogin, Set<String> allowedHosts) {
        this.passwordSet = passwordSet;
        this.readsRequireLogin = readsRequireLogin;
        this.allowedHosts = allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    boolean passwordSet() {
        return passwordSet;
    }

    /** A read (GET): null when allowed. */
    Refused read(Request r) {
        Refused host = host(r.host());
        if (host != null || !readsRequireLogin) {
            return host;
        }
        if (!passwordSet) {
            return loopback(r.remoteAddress()) ? null : noPassword("reading");
        }
        return r.session() == null ? new Refused(401, "log in first: this console's configuration "
                + "(reads.require.login) asks for a login to read") : null;
    }

    /** A change (POST) with the token the client should have been given: null when allowed. */
    Refused change(Request r, String expectedToken) {
        Refused site = sameSite(r);
        if (site != null) {
            return site;
        }
        if (!passwordSet && !loopback(r.remoteAddress())) {
            return noPassword("changing anything");
        }
        if (passwordSet && r.session() == null) {
            return new Refused(401, "log in first: a change needs the console's password");
        }
        return sameToken(expectedToken, r.token()) ? null : new Refused(403, "this request has no valid "
                + TOKEN_HEADER + " header: a change is accepted only from the console's own page (reload it), or from "
                + "a script that sends the token GET /api/session gives it");
    }

    /** Logging in: only from this console's own pages (no other site may log a browser in), password or not. */
    Refused login(Request r) {
        Refused site = sameSite(r);
        if (site != null) {
            return site;
        }
        return passwordSet ? null : new Refused(400, "this console has no password to log in with: set "
                + "password.hash in " + CONFIG_FILE + " (cellgate:password prints the line)");
    }

    /** Whether the request may be given a token to change with: what {@link #change} will accept. */
    boolean mayChange(Request r) {
        return sameSite(r) == null && (passwordSet ? r.session() != null : loopback(r.remoteAddress()));
    }

    private Refused sameSite(Request r) {
        Refused host = host(r.host());
        if (host != null) {
            return host;
        }
        if (r.fetchSite() != null && !r.fetchSite().equals("same-origin") && !r.fetchSite().equals("none")) {
            return crossSite("Sec-Fetch-Site: " + r.fetchSite());
        }
        if (r.origin() != null && !r.origin().equalsIgnoreCase("http://" + r.host())
                && !r.origin().equalsIgnoreCase("https://" + r.host())) {
            return crossSite("Origin " + r.origin() + " is not this console's, http://" + r.host());
        }
        return null;
    }

    private static Refused crossSite(String why) {
        return new Refused(403, "a cross-site request is refused (" + why + "): change the gateway from its own "
                + "console page");
    }

    private Refused noPassword(String what) {
        return new Refused(403, what + " from another machine needs a password, and this console has none: set "
                + "password.hash in " + CONFIG_FILE + " (cellgate:password prints the line), or use the console on "
                + "the gateway itself (loopback)");
    }

    /** An address, {@code localhost}, or a name the configuration lists; null when allowed. */
    Refused host(String host) {
        String name = hostName(host);
        if (name == null) {
            return new Refused(400, "a request needs a Host header");
        }
        if (name.equals("localhost") || IPV4.matcher(name).matches() || name.startsWith("[")
                || allowedHosts.contains(name)) {
            return null;
        }
        return new Refused(403, "host name '" + name + "' is not one this console answers to: use the gateway's "
                + "address, or add the name to allowed.hosts in " + CONFIG_FILE);
    }

    /** The host without its port, lower case; an IPv6 literal keeps its brackets. */
    static String hostName(String host) {
        if (host == null || host.isBlank()) {
            return null;
        }
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? null : h.substring(0, end + 1);
        }
        int colon = h.indexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }

    /** Whether the client is this machine. Behind a reverse proxy on the gateway every client looks like one. */
    static boolean loopback(String remoteAddress) {
        try {
            // an address literal: no name lookup happens
            return remoteAddress != null && InetAddress.getByName(remoteAddress).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Tokens compared in constant time. */
    static boolean sameToken(String expected, String given) {
        return expected != null && given != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
