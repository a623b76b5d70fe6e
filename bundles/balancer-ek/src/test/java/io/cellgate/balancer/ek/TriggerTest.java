package io.cellgate.balancer.ek;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.balancer.Decision;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("\"When the voltage difference between adjacent batteries is >0.1V, the balancing operation is "
        + "automatically triggered\"")
class TriggerTest {

    private final Bench bench = Bench.datasheet(20);

    @Test
    void doesNotTriggerAt99_9mV_datasheet_gt_0_1V() {
        assertFalse(bench.tick(Bench.step(20, 4, 0.0999)).isBalancing(4));
    }

    @Test
    void doesNotTriggerAtExactly100mV_datasheet_gt_0_1V() {
        Decision d = bench.tick(Bench.step(20, 4, 0.1000));
        assertEquals(0, d.balancingPairs());
    }

    @Test
    void doesNotTriggerAtExactly100mVDespiteFloatingPoint_datasheet_gt_0_1V() {
        assertTrue(3.2 - 3.1 > 0.1, "the double difference is 0.10000000000000009");
        double[] volts = Bench.flat(20, 3.1);
        Arrays.fill(volts, 10, 20, 3.2);
        Decision d = bench.tick(volts);
        assertEquals(0, d.balancingPairs());
    }

    @Test
    void triggersAt100_1mV_datasheet_gt_0_1V() {
        Decision d = bench.tick(Bench.step(20, 4, 0.1001));
        assertTrue(d.isBalancing(4));
        assertEquals(1, d.balancingPairs());
    }

    @Test
    void triggersEveryPairOnItsOwn_datasheet_adjacentBatteries() {
        Decision d = bench.tick(Bench.flatBut(20, 3.6, 0, 3.8, 19, 3.4));
        assertTrue(d.isBalancing(0));
        assertTrue(d.isBalancing(18));
        assertEquals(2, d.balancingPairs());
    }
}
