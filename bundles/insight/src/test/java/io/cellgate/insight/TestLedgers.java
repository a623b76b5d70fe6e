package io.cellgate.insight;

import io.cellgate.api.balancer.PairDirection;
import io.cellgate.api.insight.LedgerSnapshot;
import io.cellgate.api.telemetry.PackStateBuffer;
import io.cellgate.api.testing.DummyPackState;
import java.time.ZoneOffset;

/** Ledgers with something counted, for the tests of what keeps and shows them. */
final class TestLedgers {

    private TestLedgers() {
    }

    /**
     * A ledger of pack {@code id} ({@code cells} cells) after 100 s of pair 2 moving 0.5 A from cell 3 to cell 2,
     * cell 1 bleeding 0.1 A and the pack charged at 1.5 A, on 2026-01-01 (UTC).
     */
    static LedgerSnapshot balanced(String id, int cells) {
        PackStateBuffer state = DummyPackState.of(id, cells);
        PackLedger ledger = new PackLedger(state.pack(), ZoneOffset.UTC, state.timeMillis());
        state.decision().setPair(1, PairDirection.UPPER_TO_LOWER, 0.5);
        state.decision().setBleed(0, 0.1);
        state.reading().setPackAmps(1.5);
        ledger.record(state);
        state.reading().setTimeNanos(100_000_000_000L);
        ledger.record(state);
        return ledger.snapshot();
    }
}
