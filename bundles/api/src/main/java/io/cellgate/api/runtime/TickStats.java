package io.cellgate.api.runtime;

/**
 * Tick figures of one pack since its controller started.
 *
 * @param ticks               ticks run
 * @param periodNanos         configured tick period
 * @param lastDurationNanos   duration of the latest tick
 * @param meanDurationNanos   mean tick duration
 * @param maxDurationNanos    longest tick
 * @param lastLatenessNanos   how late the latest tick started against its schedule
 * @param maxLatenessNanos    the latest start seen (the jitter bound)
 * @param balancerSwaps       how often the balancer changed
 */
public record TickStats(long ticks, long periodNanos, long lastDurationNanos, long meanDurationNanos,
        long maxDurationNanos, long lastLatenessNanos, long maxLatenessNanos, long balancerSwaps) {
}
