package io.cellgate.web;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The console's password as the configuration keeps it: {@code pbkdf2-sha256:<iterations>:<salt>:<hash>}, PBKDF2 with
 * HMAC-SHA256 from the JDK, a random 16-byte salt and a 32-byte hash, both Base64. The password itself is never
 * stored; {@code cellgate:password} prints the line to put in the file.
 */
final class PasswordHash {

    static final String SCHEME = "pbkdf2-sha256";
    /** OWASP's figure for PBKDF2-HMAC-SHA256 (2023): about 0.2 s on this project's machine, once per login. */
    static final int ITERATIONS = 600_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    /** Fewer would make the hash cheap to guess; more than this is a typo that would stall every login. */
    private static final int MIN_ITERATIONS = 10_000;
    private static final int MAX_ITERATIONS = 10_000_000;

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private PasswordHash(int iterations, byte[] salt, byte[] hash) {
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    /** A new hash of {@code password} with a fresh salt, as the configuration's line keeps it. */
    static String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        new SecureRandom().nextBytes(salt);
        return format(ITERATIONS, salt, derive(password, salt, ITERATIONS));
    }

    static String format(int iterations, byte[] salt, byte[] hash) {
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + ":" + iterations + ":" + b64.encodeToString(salt) + ":" + b64.encodeToString(hash);
    }

    /** Reads a stored hash; anything else is refused with what a good one looks like. */
    static PasswordHash parse(String stored) {
        String[] parts = stored.strip().split(":");
        String expected = "password.hash is not a hash made by cellgate:password (" + SCHEME
                + ":<iterations>:<salt>:<hash>)";
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            throw new IllegalArgumentException(expected);
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = decode(parts[2], expected);
            byte[] hash = decode(parts[3], expected);
            if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS || salt.length < 4 || hash.length < 16) {
                throw new IllegalArgumentException(expected + ": " + MIN_ITERATIONS + " to " + MAX_ITERATIONS
                        + " iterations, a salt of 4 bytes or more, a hash of 16 or more");
            }
            return new PasswordHash(iterations, salt, hash);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(expected + ": the iterations are no number");
        }
    }

    private static byte[] decode(String base64, String expected) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(expected + ": the salt and hash are Base64");
        }
    }

    /** Whether {@code password} is the one hashed; compared in constant time. */
    boolean matches(char[] password) {
        return MessageDigest.isEqual(hash, derive(password, salt, iterations));
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java has no PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }

    @Override
    public String toString() {
        return SCHEME + " with " + iterations + " iterations"; // never the hash: it goes to logs
    }
}
