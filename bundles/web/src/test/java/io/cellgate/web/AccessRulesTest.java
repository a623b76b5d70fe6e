package io.cellgate.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessRulesTest {

    private static final String TOKEN = "t0ken";
    private static final AccessRules NO_PASSWORD = new AccessRules(false, false, Set.of());
    private static final AccessRules PASSWORD = new AccessRules(true, false, Set.of("gateway.local"));

    /** A request of the console's own page, from {@code remote} to {@code host}, logged in as {@code user}. */
    private static AccessRules.Request page(String remote, String host, String user) {
        return new AccessRules.Request(remote, host, "http://" + host, "same-origin", TOKEN, user);
    }

    @Test
    void withoutAPasswordTheGatewayItselfMayChangeAndNoOtherMachine() {
        assertNull(NO_PASSWORD.change(page("127.0.0.1", "127.0.0.1:9464", null), TOKEN));
        assertNull(NO_PASSWORD.change(page("::1", "[::1]:9464", null), TOKEN));
        AccessRules.Refused r = NO_PASSWORD.change(page("192.0.2.7", "192.0.2.2:9464", null), TOKEN);
        assertEquals(403, r.status());
        assertTrue(r.message().contains("set password.hash in config/io.cellgate.web.cfg"), r.message());
        assertTrue(r.message().contains("cellgate:password"), r.message());
        assertFalse(NO_PASSWORD.mayChange(page("192.0.2.7", "192.0.2.2:9464", null)));
        assertTrue(NO_PASSWORD.mayChange(page("127.0.0.1", "localhost:9464", null)));
    }

    @Test
    void withAPasswordEveryChangeNeedsALoginEvenFromLoopback() {
        assertEquals(401, PASSWORD.change(page("127.0.0.1", "127.0.0.1:9464", null), TOKEN).status());
        assertEquals(401, PASSWORD.change(page("192.0.2.7", "192.0.2.2:9464", null), TOKEN).status());
        assertNull(PASSWORD.change(page("192.0.2.7", "192.0.2.2:9464", "admin"), TOKEN));
        assertNull(PASSWORD.change(page("192.0.2.7", "gateway.local:9464", "admin"), TOKEN));
    }

    @Test
    void aChangeWithoutTheTokenOrWithAnotherIsRefused() {
        AccessRules.Request noToken = new AccessRules.Request("127.0.0.1", "127.0.0.1:9464", null, null, null, null);
        assertEquals(403, NO_PASSWORD.change(noToken, TOKEN).status());
        assertTrue(NO_PASSWORD.change(noToken, TOKEN).message().contains("X-Cellgate-Token"));
        assertEquals(403, NO_PASSWORD.change(page("127.0.0.1", "127.0.0.1:9464", null), "another").status());
        assertEquals(403, PASSWORD.change(page("127.0.0.1", "127.0.0.1:9464", "admin"), null).status());
    }

    @Test
    void anotherSitesOriginOrFetchSiteIsRefusedEvenWithTheToken() {
        AccessRules.Request evil = new AccessRules.Request("127.0.0.1", "127.0.0.1:9464", "http://evil.example",
                null, TOKEN, null);
        AccessRules.Refused r = NO_PASSWORD.change(evil, TOKEN);
        assertEquals(403, r.status());
        assertTrue(r.message().startsWith("a cross-site request is refused (Origin http://evil.example"), r.message());
        AccessRules.Request crossSite = new AccessRules.Request("127.0.0.1", "127.0.0.1:9464", null, "cross-site",
                TOKEN, null);
        assertEquals(403, NO_PASSWORD.change(crossSite, TOKEN).status());
        assertEquals(403, PASSWORD.login(evil).status());
        // a script without a browser sends no Origin: the token is what it needs
        assertNull(NO_PASSWORD.change(new AccessRules.Request("127.0.0.1", "127.0.0.1:9464", null, null, TOKEN,
                null), TOKEN));
    }

    @Test
    void aHostNameNotAllowedIsRefusedForReadsAndChanges() {
        AccessRules.Request rebound = page("127.0.0.1", "evil.example:9464", null);
        assertEquals(403, NO_PASSWORD.read(rebound).status());
        assertTrue(NO_PASSWORD.read(rebound).message().contains("allowed.hosts"));
        assertEquals(403, NO_PASSWORD.change(rebound, TOKEN).status());
        assertNull(PASSWORD.read(page("192.0.2.7", "GATEWAY.local", null)));
        assertEquals(400, NO_PASSWORD.read(page("127.0.0.1", null, null)).status());
        assertEquals("[::1]", AccessRules.hostName("[::1]:9464"));
        assertEquals("gateway.local", AccessRules.hostName("Gateway.Local:80"));
    }

    @Test
    void readsAreOpenUnlessTheConfigurationAsksForALogin() {
        assertNull(NO_PASSWORD.read(page("192.0.2.7", "192.0.2.2:9464", null)));
        AccessRules closed = new AccessRules(true, true, Set.of());
        assertEquals(401, closed.read(page("127.0.0.1", "127.0.0.1:9464", null)).status());
        assertNull(closed.read(page("192.0.2.7", "192.0.2.2:9464", "admin")));
        AccessRules closedWithoutPassword = new AccessRules(false, true, Set.of());
        assertNull(closedWithoutPassword.read(page("127.0.0.1", "127.0.0.1:9464", null)));
        assertEquals(403, closedWithoutPassword.read(page("192.0.2.7", "192.0.2.2:9464", null)).status());
    }

    @Test
    void loggingInNeedsAPasswordToLogInWith() {
        assertEquals(400, NO_PASSWORD.login(page("127.0.0.1", "127.0.0.1:9464", null)).status());
        assertNull(PASSWORD.login(page("192.0.2.7", "192.0.2.2:9464", null)));
    }
}
