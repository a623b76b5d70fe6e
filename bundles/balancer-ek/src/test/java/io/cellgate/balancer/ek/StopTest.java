package io.cellgate.balancer.ek;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("\"... until the voltage difference between adjacent batteries is ≤0.03V, and the balancing is "
        + "completed\"; \"Voltage Balancing Accuracy: Adjacent voltage difference 30mV (typical value)\"")
class StopTest {

    private final Bench bench = Bench.datasheet(20);

    private void startPair4() {
        assertTrue(bench.tick(Bench.step(20, 4, 0.2)).isBalancing(4));
    }

    @ParameterizedTest(name = "a balancing pair at {0} V goes on balancing: {1}")
    @CsvSource({"0.0301, true", "0.0300, false", "0.0299, false"})
    void stopsAtOrBelow30mV_datasheet_le_0_03V(double deltaVolts, boolean balancing) {
        startPair4();
        assertEquals(balancing, bench.tick(Bench.step(20, 4, deltaVolts)).isBalancing(4));
    }

    @Test
    void continuesBetweenStopAndTrigger_datasheet_triggeredUntil() {
        startPair4();
        assertTrue(bench.tick(Bench.step(20, 4, 0.0600)).isBalancing(4));
        assertTrue(bench.tick(Bench.step(20, 4, 0.1000)).isBalancing(4));
        assertTrue(bench.tick(Bench.step(20, 4, 0.0400)).isBalancing(4));
    }

    @Test
    void idlePairBetweenStopAndTriggerStaysIdle_datasheet_hysteresis() {
        assertEquals(0, bench.tick(Bench.step(20, 4, 0.0600)).balancingPairs());
        startPair4();
        assertFalse(bench.tick(Bench.step(20, 4, 0.0300)).isBalancing(4));
        assertFalse(bench.tick(Bench.step(20, 4, 0.0600)).isBalancing(4), "a stopped pair needs > 0.1 V again");
        assertFalse(bench.tick(Bench.step(20, 4, 0.1000)).isBalancing(4));
        assertTrue(bench.tick(Bench.step(20, 4, 0.1001)).isBalancing(4));
    }
}
