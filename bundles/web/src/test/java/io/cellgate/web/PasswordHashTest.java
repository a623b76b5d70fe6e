package io.cellgate.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class PasswordHashTest {

    @Test
    void theRightPasswordMatchesAndNoOtherDoes() {
        String stored = PasswordHash.hash("correct horse".toCharArray());
        PasswordHash h = PasswordHash.parse(stored);
        assertTrue(h.matches("correct horse".toCharArray()));
        assertFalse(h.matches("correct horse ".toCharArray()));
        assertFalse(h.matches("".toCharArray()));
    }

    @Test
    void theLineHoldsSchemeIterationsSaltAndHashButNotThePassword() {
        String stored = PasswordHash.hash("correct horse".toCharArray());
        String[] parts = stored.split(":");
        assertEquals(4, parts.length, stored);
        assertEquals("pbkdf2-sha256", parts[0]);
        assertEquals(String.valueOf(PasswordHash.ITERATIONS), parts[1]);
        assertEquals(16, Base64.getDecoder().decode(parts[2]).length);
        assertEquals(32, Base64.getDecoder().decode(parts[3]).length);
        assertFalse(stored.contains("horse"));
        assertFalse(PasswordHash.parse(stored).toString().contains(parts[3]), "the hash stays out of logs");
    }

    @Test
    void eachHashHasItsOwnSalt() {
        assertNotEquals(PasswordHash.hash("same".toCharArray()), PasswordHash.hash("same".toCharArray()));
    }

    /** RFC 7914 section 11's PBKDF2-HMAC-SHA256 vector (its first 32 bytes): the JDK's algorithm, read from a line of this format. */
    @Test
    void aKnownVectorMatches() {
        byte[] salt = "NaCl".getBytes();
        String line = "pbkdf2-sha256:80000:" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(hex("4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"));
        assertTrue(PasswordHash.parse(line).matches("Password".toCharArray()));
    }

    @Test
    void aLineThatIsNoHashIsRefusedWithWhatOneLooksLike() {
        for (String bad : new String[] {"secret", "pbkdf2-sha256:x:AAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA",
                "pbkdf2-sha256:10:AAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA", "md5:1:2:3", "pbkdf2-sha256:600000:!!:??"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PasswordHash.parse(bad));
            assertTrue(e.getMessage().startsWith("password.hash is not a hash made by cellgate:password"),
                    e.getMessage());
        }
    }

    private static byte[] hex(String s) {
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }
}
