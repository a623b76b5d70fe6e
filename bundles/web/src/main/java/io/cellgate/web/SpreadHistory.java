package io.cellgate.web;

import io.cellgate.api.pack.PackReading;
import io.cellgate.api.pack.TenthMillivolts;
import java.util.Arrays;

/**
 * One pack's recent past for the console's charts, bounded: a ring of {@code capacity} samples, one per step, each
 * the time, both spreads and every cell's voltage (NaN when the cell had no valid reading). Everything is allocated
 * when the ring is made; {@link #record} copies primitives only, under a lock a reader holds for one copy of the ring.
 * Volts are kept in tenths of a millivolt ({@link TenthMillivolts}, two bytes each) and times to the second (an
 * unsigned int of seconds since the epoch, to 2106; a time before 1970 is kept as 1970): a ring of {@code n} samples
 * of {@code c} cells holds {@code n × (8 + 2c)} bytes (the hour of a 24S pack 40 KB, its day 12 KB; with floats and
 * milliseconds they were 81 and 23 KB).
 */
final class SpreadHistory {

    /** What {@link #snapshot()} returns, oldest first. */
    record Samples(long stepMillis, long[] timeMillis, float[] spreadVolts, float[] maxAdjacentDeltaVolts,
            float[][] cellVolts) {
    }

    private final long stepMillis;
    private final int cells;
    /** Seconds since the epoch, unsigned. */
    private final int[] time;
    private final char[] spread;
    private final char[] adjacent;
    /** Sample-major: the volts of sample s are at [s * cells, (s + 1) * cells). */
    private final char[] volts;
    private int next;
    private int size;

    SpreadHistory(int capacity, int cells, long stepMillis) {
        this.stepMillis = stepMillis;
        this.cells = cells;
        time = new int[capacity];
        spread = new char[capacity];
        adjacent = new char[capacity];
        volts = new char[capacity * cells];
    }

    int cells() {
        return cells;
    }

    long stepMillis() {
        return stepMillis;
    }

    /** Adds one sample of {@code reading}, taken at {@code timeMillis} (kept to the second); the oldest goes when the ring is full. */
    synchronized void record(long timeMillis, PackReading reading) {
        time[next] = (int) Math.min(Math.max(timeMillis / 1000, 0), 0xFFFF_FFFFL);
        spread[next] = TenthMillivolts.encode(reading.spreadVolts());
        adjacent[next] = TenthMillivolts.encode(reading.maxAdjacentSpreadVolts());
        int base = next * cells;
        for (int c = 0; c < cells; c++) {
            volts[base + c] = reading.isValid(c) ? TenthMillivolts.encode(reading.volts(c)) : TenthMillivolts.NONE;
        }
        next = (next + 1) % time.length;
        size = Math.min(size + 1, time.length);
    }

    /** A copy of the ring, oldest first, per cell a series. */
    synchronized Samples snapshot() {
        int first = (next - size + time.length) % time.length;
        long[] t = new long[size];
        float[] s = new float[size];
        float[] a = new float[size];
        float[][] v = new float[cells][size];
        for (int i = 0; i < size; i++) {
            int at = (first + i) % time.length;
            t[i] = Integer.toUnsignedLong(time[at]) * 1000;
            s[i] = TenthMillivolts.decodeFloat(spread[at]);
            a[i] = TenthMillivolts.decodeFloat(adjacent[at]);
            for (int c = 0; c < cells; c++) {
                v[c][i] = TenthMillivolts.decodeFloat(volts[at * cells + c]);
            }
        }
        return new Samples(stepMillis, t, s, a, v);
    }

    synchronized int size() {
        return size;
    }

    @Override
    public synchronized String toString() {
        float[] first = new float[Math.min(size, 3)];
        for (int i = 0; i < first.length; i++) {
            first[i] = TenthMillivolts.decodeFloat(spread[i]);
        }
        return "SpreadHistory[" + size + "/" + time.length + " every " + stepMillis + " ms, " + Arrays.toString(first) + "…]";
    }
}
