package io.cellgate.api.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellgate.api.balancer.PairDirection;
import io.cellgate.api.pack.CellStatus;
import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.pack.PackHealth;
import org.junit.jupiter.api.Test;

class PackStateBufferTest {

    private static final PackDescription PACK = new PackDescription("p", 3, Chemistry.LFP);

    @Test
    void aCopyKeepsEveryFigureOfTheTickAfterTheOriginalMovesOn() {
        PackStateBuffer live = new PackStateBuffer(PACK).setTick(4).setTimeMillis(9_000)
                .setHealth(PackHealth.BALANCER_FAILED).setModel("M/v").setTickDurationNanos(12)
                .setTickLatenessNanos(3);
        live.reading().set(2, 3.31, CellStatus.OK);
        live.decision().setPair(1, PairDirection.LOWER_TO_UPPER, 0.4);

        PackStateBuffer copy = new PackStateBuffer(PACK).copyFrom(live);
        live.setTick(5).setModel(null).reading().set(2, 3.00, CellStatus.STALE);
        live.decision().reset();

        assertEquals(PACK, copy.pack());
        assertEquals(4, copy.tick());
        assertEquals(9_000, copy.timeMillis());
        assertEquals(PackHealth.BALANCER_FAILED, copy.health());
        assertEquals("M/v", copy.model());
        assertEquals(12, copy.tickDurationNanos());
        assertEquals(3, copy.tickLatenessNanos());
        assertEquals(3.31, copy.reading().volts(2));
        assertEquals(CellStatus.OK, copy.reading().status(2));
        assertEquals(0.4, copy.decision().amps(1));
    }
}
