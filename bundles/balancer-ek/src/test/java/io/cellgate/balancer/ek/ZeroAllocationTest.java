package io.cellgate.balancer.ek;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cellgate.api.balancer.Decision;
import io.cellgate.api.pack.CellStatus;
import io.cellgate.api.pack.PackReading;
import io.cellgate.api.testing.AllocationMeter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("decide allocates nothing (\"Implementations should not allocate in decide\")")
class ZeroAllocationTest {

    private static final int CALLS = 100_000;
    private static final int CELLS = 24;

    /** Readings that go through every path: balancing, hysteresis, flashing, temperature, sleep, cascade. */
    private static PackReading[] readings() {
        PackReading balancing = PackReading.of(Bench.step(CELLS, 4, 0.2));
        balancing.set(12, Double.NaN, CellStatus.OK);
        PackReading settling = PackReading.of(Bench.step(CELLS, 4, 0.05));
        settling.setStatus(7, CellStatus.OPEN_WIRE);
        PackReading hot = PackReading.of(Bench.step(CELLS, 4, 0.2));
        hot.setTemperatureCelsius(75);
        PackReading calm = PackReading.of(Bench.flat(CELLS, 3.7));
        calm.set(3, 2.8, CellStatus.OK);
        return new PackReading[] {balancing, settling, hot, calm, PackReading.of(Bench.flat(CELLS, 3.7))};
    }

    @Test
    void decideAllocatesNoBytesPerCall_24Cells() {
        assumeTrue(AllocationMeter.isSupported());
        PackReading[] readings = readings();
        Decision decision = new Decision(CELLS);
        for (EkProfile profile : new EkProfile[] {Bench.withStrings(EkProfile.DATASHEET, 24), EkProfile.DATASHEET}) {
            EkBalancer balancer = new EkBalancer(profile, CELLS);
            double perCall = AllocationMeter.bytesPerCall(CALLS, i -> {
                decision.reset();
                balancer.decide(readings[i % readings.length], decision);
            }, i -> decision.reset());
            assertTrue(perCall < 1, profile.strings() + "S board: " + perCall + " bytes per decide call");
        }
    }
}
