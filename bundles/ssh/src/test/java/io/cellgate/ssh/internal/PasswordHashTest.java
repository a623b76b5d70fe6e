package io.cellgate.ssh.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

    @Test
    void theHashHoldsNoPasswordAndMatchesOnlyIt() {
        String hash = PasswordHash.of("correct horse".toCharArray());
        assertTrue(hash.startsWith("pbkdf2-sha256$210000$"), hash);
        assertFalse(hash.contains("correct"), hash);
        assertTrue(PasswordHash.matches(hash, "correct horse"));
        assertFalse(PasswordHash.matches(hash, "correct horsE"));
        assertNotEquals(hash, PasswordHash.of("correct horse".toCharArray()), "salted: same password, new hash");
    }

    @Test
    void aClearPasswordOrAWeakHashIsRefusedWithASentence() {
        for (String bad : new String[] {"secret", "pbkdf2-sha256$1000$c2FsdA$aGFzaA", "pbkdf2-sha256$x$y$z"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PasswordHash.check(bad));
            assertTrue(e.getMessage().contains("cellgate:passwordhash"), e.getMessage());
        }
    }
}
