package io.cellgate.api.testing;

import io.cellgate.api.balancer.BoardState;
import io.cellgate.api.pack.CellStatus;
import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.telemetry.PackStateBuffer;

/**
 * Pack states as the runtime hands them to a {@link io.cellgate.api.telemetry.PackListener} after a tick, made by
 * hand: an NCM pack whose cells read {@code firstVolts}, {@code firstVolts + stepVolts}, … all OK, a board ACTIVE
 * with nothing balancing, health OK, model {@code EK-L20S1A/datasheet}, tick 1 of 10 µs on 2026-01-01. Change its
 * reading, decision and figures freely through the {@link PackStateBuffer} it returns.
 */
public final class DummyPackState {

    private static final long NEW_YEAR_2026_MILLIS = 1_767_225_600_000L;

    private DummyPackState() {
    }

    public static PackStateBuffer of(String id, int cells, double firstVolts, double stepVolts) {
        PackStateBuffer state = new PackStateBuffer(new PackDescription(id, cells, Chemistry.NCM))
                .setTick(1)
                .setModel("EK-L20S1A/datasheet")
                .setTickDurationNanos(10_000)
                .setTimeMillis(NEW_YEAR_2026_MILLIS);
        for (int c = 0; c < cells; c++) {
            state.reading().set(c, firstVolts + stepVolts * c, CellStatus.OK);
        }
        state.decision().setBoardState(BoardState.ACTIVE);
        return state;
    }

    /** Cells at 3.70 V, 3.71 V, 3.72 V … */
    public static PackStateBuffer of(String id, int cells) {
        return of(id, cells, 3.70, 0.01);
    }
}
