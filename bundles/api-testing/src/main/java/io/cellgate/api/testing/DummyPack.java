package io.cellgate.api.testing;

import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.runtime.Pack;
import io.cellgate.api.runtime.TickStats;
import io.cellgate.api.runtime.TickSummary;
import io.cellgate.api.telemetry.PackView;
import java.util.List;

/** A running pack as a tool sees it: a latest state (or none yet), a tick count, no history and no faults. */
public final class DummyPack implements Pack {

    private final PackDescription description;
    private final PackView latest;
    private final long ticks;

    /** An NCM pack {@code id} of {@code cells} cells showing {@code latest} (null: not ticked yet) after {@code ticks}. */
    public DummyPack(String id, int cells, PackView latest, long ticks) {
        this.description = new PackDescription(id, cells, Chemistry.NCM);
        this.latest = latest;
        this.ticks = ticks;
    }

    @Override
    public PackDescription description() {
        return description;
    }

    @Override
    public PackView latest() {
        return latest;
    }

    @Override
    public List<TickSummary> history(int n) {
        return List.of();
    }

    /** {@code ticks} ticks of a 100 ms period, no timing figures. */
    @Override
    public TickStats stats() {
        return new TickStats(ticks, 100_000_000, 0, 0, 0, 0, 0, 0);
    }

    @Override
    public List<ActiveFault> faults() {
        return List.of();
    }
}
