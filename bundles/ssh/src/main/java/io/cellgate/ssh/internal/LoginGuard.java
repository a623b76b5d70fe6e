package io.cellgate.ssh.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Rate-limits refused logins per remote address: after {@code maxRefused} refused logins within the window, the
 * address is turned away at once until the window has passed since its last refusal. Framework-free; time comes in.
 */
final class LoginGuard {

    /** What happened to a refused login, so the caller logs the first refusals and the pause, not every attempt. */
    enum Refusal { COUNTED, PAUSED_NOW, ALREADY_PAUSED }

    private final int maxRefused;
    private final long windowNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Deque<Long>> refusals = new HashMap<>();

    LoginGuard(int maxRefused, long windowNanos, LongSupplier nanoTime) {
        this.maxRefused = maxRefused;
        this.windowNanos = windowNanos;
        this.nanoTime = nanoTime;
    }

    /** True while {@code address} is paused: its connections are closed before they may try a key. */
    synchronized boolean paused(String address) {
        return recent(address).size() >= maxRefused;
    }

    /** Counts a refused login of {@code address}. */
    synchronized Refusal refused(String address) {
        boolean wasPaused = paused(address);
        Deque<Long> times = refusals.computeIfAbsent(address, a -> new ArrayDeque<>());
        times.addLast(nanoTime.getAsLong());
        while (times.size() > maxRefused) {
            times.removeFirst(); // only the last maxRefused matter: memory stays bounded per address
        }
        return wasPaused ? Refusal.ALREADY_PAUSED : paused(address) ? Refusal.PAUSED_NOW : Refusal.COUNTED;
    }

    /** The refusals of {@code address} within the window; forgets older ones and addresses with none left. */
    private Deque<Long> recent(String address) {
        Deque<Long> times = refusals.get(address);
        if (times == null) {
            return new ArrayDeque<>();
        }
        long now = nanoTime.getAsLong();
        while (!times.isEmpty() && now - times.peekFirst() > windowNanos) {
            times.removeFirst();
        }
        if (times.isEmpty()) {
            refusals.remove(address);
        }
        return times;
    }
}
