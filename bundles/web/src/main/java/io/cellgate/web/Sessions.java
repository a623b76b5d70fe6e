package io.cellgate.web;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The logged-in sessions: a random id (the cookie) per login, with the user, the token the page sends with each
 * change, and when it expires. At most {@code max} at once: a new login ends the oldest. Kept in memory only, so a
 * restart logs everybody out.
 */
final class Sessions {

    /** One login. */
    record Session(String user, String token, long expiresMillis) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Session> byId = new LinkedHashMap<>();
    private final long lifetimeMillis;
    private final int max;
    private final LongSupplier clock;

    Sessions(long lifetimeMillis, int max, LongSupplier clock) {
        this.lifetimeMillis = lifetimeMillis;
        this.max = max;
        this.clock = clock;
    }

    /** A new session for {@code user}; returns its id, for the cookie. */
    synchronized String open(String user) {
        dropExpired();
        while (byId.size() >= max) {
            Iterator<String> oldest = byId.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        String id = randomToken();
        byId.put(id, new Session(user, randomToken(), clock.getAsLong() + lifetimeMillis));
        return id;
    }

    /** The session of this id, or null when there is none or it expired. */
    synchronized Session find(String id) {
        if (id == null) {
            return null;
        }
        Session s = byId.get(id);
        if (s != null && s.expiresMillis() <= clock.getAsLong()) {
            byId.remove(id);
            return null;
        }
        return s;
    }

    synchronized void close(String id) {
        if (id != null) {
            byId.remove(id);
        }
    }

    /** Ends every session (the password or the user changed). */
    synchronized void clear() {
        byId.clear();
    }

    synchronized int size() {
        return byId.size();
    }

    private void dropExpired() {
        long now = clock.getAsLong();
        byId.values().removeIf(s -> s.expiresMillis() <= now);
    }

    /** 32 random bytes, URL-safe Base64. */
    static String randomToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
