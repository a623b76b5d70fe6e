package io.cellgate.ssh.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.ssh.internal.LoginGuard.Refusal;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoginGuardTest {

    private final AtomicLong now = new AtomicLong();
    private final LoginGuard guard = new LoginGuard(3, 60, now::get);

    @Test
    void anAddressIsPausedAtItsThirdRefusalWithinTheWindowAndOnlyThatAddress() {
        assertEquals(Refusal.COUNTED, guard.refused("10.0.0.1"));
        now.set(10);
        assertEquals(Refusal.COUNTED, guard.refused("10.0.0.1"));
        assertFalse(guard.paused("10.0.0.1"));
        now.set(20);
        assertEquals(Refusal.PAUSED_NOW, guard.refused("10.0.0.1"));
        assertTrue(guard.paused("10.0.0.1"));
        assertFalse(guard.paused("10.0.0.2"));
        assertEquals(Refusal.ALREADY_PAUSED, guard.refused("10.0.0.1"), "logged once, when the pause began");
    }

    @Test
    void refusalsOlderThanTheWindowAreForgotten() {
        guard.refused("10.0.0.1");
        guard.refused("10.0.0.1");
        now.set(61);
        assertEquals(Refusal.COUNTED, guard.refused("10.0.0.1"), "the first two are older than the window");
        guard.refused("10.0.0.1");
        now.set(200);
        assertFalse(guard.paused("10.0.0.1"), "the pause ends a window after the last refusal");
    }
}
