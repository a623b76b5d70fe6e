package io.cellgate.export.prometheus;

import io.cellgate.api.telemetry.PackStateBuffer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import io.cellgate.api.balancer.BoardState;
import io.cellgate.api.pack.PackHealth;
import io.prometheus.client.CollectorRegistry;
import java.lang.management.ManagementFactory;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TickMetricsTest {

    private final CollectorRegistry registry = new CollectorRegistry();
    private final TickMetrics metrics = new TickMetrics(registry);
    private final PackStateBuffer p = TestPacks.state("p", 4);

    private double faults(String kind) {
        return registry.getSampleValue("cellgate_faults_total", new String[] {"pack", "kind"}, new String[] {"p", kind});
    }

    private double bucket(String le) {
        return registry.getSampleValue("cellgate_tick_duration_seconds_bucket", new String[] {"pack", "le"},
                new String[] {"p", le});
    }

    @Test
    void tickDurationsGoIntoTheirBuckets() {
        p.setTickDurationNanos(20_000); // 20 µs
        metrics.observe(p);
        p.setTickDurationNanos(3_000_000); // 3 ms
        metrics.observe(p);
        assertEquals(0, bucket("1.0E-5"));
        assertEquals(1, bucket("2.5E-5"));
        assertEquals(1, bucket("0.0025"));
        assertEquals(2, bucket("0.005"));
        assertEquals(2, bucket("+Inf"));
        assertEquals(0.00302, registry.getSampleValue("cellgate_tick_duration_seconds_sum", new String[] {"pack"},
                new String[] {"p"}), 1e-12);
    }

    @Test
    void faultsAreCountedAsTheyBeginByKind() {
        metrics.observe(p);
        assertEquals(0, faults("board"), "exported from 0");
        p.decision().setBoardState(BoardState.FAULT);
        metrics.observe(p);
        metrics.observe(p);
        assertEquals(1, faults("board"), "one fault over two ticks");
        p.setHealth(PackHealth.NO_SOURCE);
        metrics.observe(p);
        p.setHealth(PackHealth.OK);
        p.decision().setBoardState(BoardState.ACTIVE);
        metrics.observe(p);
        p.decision().setBoardState(BoardState.FAULT);
        metrics.observe(p);
        assertEquals(2, faults("board"));
        assertEquals(1, faults("no_source"));
        assertEquals(0, faults("balancer_failed"));
    }

    @Test
    void observingATickAllocatesNothing() {
        ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        for (int i = 0; i < 20_000; i++) { // warm up, and a fault that comes and goes
            p.decision().setBoardState(i % 100 == 0 ? BoardState.FAULT : BoardState.ACTIVE);
            metrics.observe(p);
        }
        long before = mx.getThreadAllocatedBytes(id);
        for (int i = 0; i < 100_000; i++) {
            p.setTickDurationNanos(i);
            p.decision().setBoardState(i % 100 == 0 ? BoardState.FAULT : BoardState.ACTIVE);
            metrics.observe(p);
        }
        long allocated = mx.getThreadAllocatedBytes(id) - before;
        assertTrue(allocated < 1024, "allocated " + allocated + " bytes in 100000 ticks");
    }

    @Test
    void aPackThatIsGoneIsNoLongerExported() {
        metrics.observe(p);
        metrics.retain(Set.of("p"));
        assertEquals(1, bucket("+Inf"));
        metrics.retain(Set.of());
        assertNull(registry.getSampleValue("cellgate_tick_duration_seconds_count", new String[] {"pack"},
                new String[] {"p"}));
        assertNull(registry.getSampleValue("cellgate_faults_total", new String[] {"pack", "kind"},
                new String[] {"p", "board"}));
    }
}
