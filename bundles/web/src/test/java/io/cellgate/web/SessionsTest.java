package io.cellgate.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SessionsTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final Sessions sessions = new Sessions(500, 2, now::get);

    @Test
    void aSessionHasItsUserAndATokenOfItsOwnUntilItExpires() {
        String a = sessions.open("admin");
        String b = sessions.open("admin");
        assertNotEquals(a, b);
        assertEquals("admin", sessions.find(a).user());
        assertNotEquals(sessions.find(a).token(), sessions.find(b).token());
        assertNotEquals(a, sessions.find(a).token(), "the cookie is not the token the page sends");
        now.addAndGet(499);
        assertNotNull(sessions.find(a));
        now.addAndGet(1);
        assertNull(sessions.find(a));
    }

    @Test
    void aNewLoginBeyondTheBoundEndsTheOldestAndLogoutEndsOne() {
        String a = sessions.open("admin");
        String b = sessions.open("admin");
        String c = sessions.open("admin");
        assertNull(sessions.find(a));
        assertNotNull(sessions.find(b));
        sessions.close(b);
        assertNull(sessions.find(b));
        assertNotNull(sessions.find(c));
        assertNull(sessions.find(null));
        assertEquals(1, sessions.size());
    }
}
