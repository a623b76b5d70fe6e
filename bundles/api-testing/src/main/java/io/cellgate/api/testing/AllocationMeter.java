package io.cellgate.api.testing;

import java.lang.management.ManagementFactory;
import java.util.function.IntConsumer;

/**
 * How many bytes the calling thread allocates per call of a task: the measure behind "decide allocates nothing" and
 * "a steady tick allocates nothing". It reads HotSpot's per-thread allocation counter, so a test first
 * {@code assumeTrue(AllocationMeter.isSupported())}.
 *
 * @since 3.1
 */
public final class AllocationMeter {

    private AllocationMeter() {
    }

    /** True when this JVM counts the bytes each thread allocates. */
    public static boolean isSupported() {
        return ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
                && threads.isThreadAllocatedMemorySupported();
    }

    /**
     * Bytes per call of {@code call(i)}, {@code i} from 0 to {@code calls - 1}, less the bytes per call of
     * {@code baseline(i)}, the loop's own work (resetting a decision, say). Both run {@code 3 · calls} times first,
     * so that the JIT and anything built lazily are done before the counting starts.
     */
    public static double bytesPerCall(int calls, IntConsumer call, IntConsumer baseline) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        threads.setThreadAllocatedMemoryEnabled(true);
        repeat(3 * calls, call);
        repeat(3 * calls, baseline);
        long baselineBytes = allocatedBy(threads, calls, baseline);
        return (double) (allocatedBy(threads, calls, call) - baselineBytes) / calls;
    }

    private static long allocatedBy(com.sun.management.ThreadMXBean threads, int calls, IntConsumer task) {
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        repeat(calls, task);
        return threads.getThreadAllocatedBytes(thread) - before;
    }

    private static void repeat(int calls, IntConsumer task) {
        for (int i = 0; i < calls; i++) {
            task.accept(i);
        }
    }
}
