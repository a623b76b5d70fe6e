package io.cellgate.ssh.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A password kept only as a salted PBKDF2-HMAC-SHA256 hash, {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (salt
 * and hash in Base64), so that neither the configuration file nor Config Admin's store holds the password.
 */
final class PasswordHash {

    static final String SCHEME = "pbkdf2-sha256";
    static final int ITERATIONS = 210_000; // OWASP's figure for PBKDF2-HMAC-SHA256 (2023)
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    private PasswordHash() {
    }

    static String of(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        new SecureRandom().nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(pbkdf2(password, salt, ITERATIONS));
    }

    /** Refuses a hash it cannot read, with a sentence saying what a good one looks like. */
    static void check(String hash) {
        parse(hash);
    }

    static boolean matches(String hash, String password) {
        Parsed p = parse(hash);
        return MessageDigest.isEqual(p.hash(), pbkdf2(password.toCharArray(), p.salt(), p.iterations()));
    }

    private record Parsed(int iterations, byte[] salt, byte[] hash) {
    }

    private static Parsed parse(String hash) {
        String[] parts = hash.trim().split("\\$");
        try {
            if (parts.length == 4 && parts[0].equals(SCHEME)) {
                int iterations = Integer.parseInt(parts[1]);
                Base64.Decoder b64 = Base64.getDecoder();
                if (iterations >= 10_000) {
                    return new Parsed(iterations, b64.decode(parts[2]), b64.decode(parts[3]));
                }
            }
        } catch (IllegalArgumentException unreadable) {
            // reported below
        }
        throw new IllegalArgumentException("password.hash is not a hash made by cellgate:passwordhash (expected "
                + SCHEME + "$<iterations, 10000 or more>$<salt>$<hash>); leave it empty for key logins only");
    }

    private static byte[] pbkdf2(char[] password, byte[] salt, int iterations) {
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password, salt, iterations, HASH_BITS)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java has no PBKDF2WithHmacSHA256", e);
        }
    }
}
