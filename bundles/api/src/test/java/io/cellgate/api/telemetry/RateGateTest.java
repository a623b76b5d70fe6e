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
