package io.cellgate.broker;

/** Reconnect delays that double from the first to the longest: 1, 2, 4, 8, 16, 30, 30 ... s by default. */
public final class Backoff {

    private final long firstNanos;
    private final long maxNanos;
    private long nextNanos;

    public Backoff(long firstNanos, long maxNanos) {
        this.firstNanos = firstNanos;
        this.maxNanos = maxNanos;
        this.nextNanos = firstNanos;
    }

    public long nextDelayNanos() {
        long delay = nextNanos;
        nextNanos = Math.min(maxNanos, nextNanos * 2);
        return delay;
    }

    public void reset() {
        nextNanos = firstNanos;
    }
}
