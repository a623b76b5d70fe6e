package io.cellgate.sim.model;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cellgate.api.balancer.Decision;
import io.cellgate.api.balancer.PairDirection;
import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackReading;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** Stepping and reading allocate nothing: a scenario runs millions of steps without feeding the collector. */
class StepAllocationTest {

    @Test
    void stepAndReadAllocateNothing() {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "needs the JDK's per-thread allocation counter");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());

        SimPack pack = new SimPack(SimPackSpec.builder(24, Chemistry.NCM, 2.5).initialSocDrawn(0.5, 0.02).build());
        Decision decision = new Decision(24);
        for (int k = 0; k < 23; k++) {
            decision.setPair(k, k % 2 == 0 ? PairDirection.LOWER_TO_UPPER : PairDirection.UPPER_TO_LOWER, 0.5);
        }
        Decision bleeding = new Decision(24);
        for (int c = 0; c < 24; c += 3) {
            bleeding.setBleed(c, 0.1);
        }
        bleeding.setBoardDrawAmps(10e-6);
        PackReading reading = new PackReading(24);
        pack.noise(0.001, 0);
        run(pack, decision, bleeding, reading, 50_000); // warm up: class loading and compilation may allocate

        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        run(pack, decision, bleeding, reading, 200_000);
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        assertTrue(allocated < 4096, allocated + " bytes allocated in 400k steps and 200k readings");
    }

    private static void run(SimPack pack, Decision decision, Decision bleeding, PackReading reading, int steps) {
        for (int s = 0; s < steps; s++) {
            double amps = (s & 1024) == 0 ? 1.0 : -1.0;
            pack.step(0.01, amps, decision);
            pack.step(0.02, amps, bleeding);
            pack.read(reading);
        }
    }
}
