package io.cellgate.api.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class RateGateTest {

    private static final long MS = 1_000_000;

    @Test
    void aPackIsDueOncePerPeriodWhateverItsTickRate() {
        RateGate gate = new RateGate(1000 * MS);
        int due = 0;
        for (long t = 0; t < 10_000 * MS; t += 100 * MS) { // 100 ticks of 100 ms: 10 s
            if (gate.due("p", t)) {
                due++;
            }
        }
        assertEquals(10, due);
        assertTrue(gate.due("other", 0), "each pack has its own period");
    }

    @Test
    void aPackStaysOnScheduleWhenItsTicksComeALittleLate() {
        RateGate gate = new RateGate(1000 * MS);
        long first = -1;
        long last = -1;
        int due = 0;
        for (long k = 0; k < 1000; k++) { // 1000 ticks of 100 ms: 100 s, each up to 6 ms late
            long t = k * 100 * MS + (k * 3 % 7) * MS;
            if (gate.due("p", t)) {
                first = first < 0 ? t : first;
                last = t;
                due++;
            }
        }
        assertEquals(100, due, "one publish per second, not one per 1.1 s");
        assertEquals(99_000 * MS, last - first, 7 * MS);
    }

    @Test
    void aPackFarBehindStartsANewScheduleInsteadOfCatchingUpInABurst() {
        RateGate gate = new RateGate(1000 * MS);
        assertTrue(gate.due("p", 0));
        assertTrue(gate.due("p", 5000 * MS), "paused for 5 s");
        assertFalse(gate.due("p", 5100 * MS));
        assertFalse(gate.due("p", 5900 * MS));
        assertTrue(gate.due("p", 6000 * MS));
    }

    @Test
    void aPeriodOfZeroLetsEveryTickThrough() {
        RateGate gate = new RateGate(0);
        for (long t = 0; t < 10; t++) {
            assertTrue(gate.due("p", t));
            assertTrue(gate.due("p", t), "even twice at the same instant");
        }
    }

    @Test
    void checkingAPackThatIsNotDueAllocatesNothing() {
        RateGate gate = new RateGate(Long.MAX_VALUE);
        assertTrue(gate.due("p", 0));
        ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        for (int i = 0; i < 10_000; i++) { // warm up
            assertFalse(gate.due("p", i));
        }
        long before = mx.getThreadAllocatedBytes(id);
        for (int i = 0; i < 100_000; i++) {
            gate.due("p", i);
        }
        long allocated = mx.getThreadAllocatedBytes(id) - before;
        assertTrue(allocated < 1024, "allocated " + allocated + " bytes in 100000 calls");
    }
}
