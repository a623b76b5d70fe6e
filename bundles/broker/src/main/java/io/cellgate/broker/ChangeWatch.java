package io.cellgate.broker;

import io.cellgate.api.pack.PackHealth;
import io.cellgate.api.balancer.BoardState;
import io.cellgate.api.telemetry.PackState;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * On the tick thread: tells whether a pack's board state, health, faults or balancer model changed since its previous
 * tick, so that an operator learns of a fault or a swap at once while the measurements go out at the (slower) publish
 * period. Allocates nothing after a pack's first tick.
 */
public final class ChangeWatch {

    /** What a pack showed last; one pack's ticks never overlap, so each entry has one writer at a time. */
    private static final class Seen {
        BoardState board;
        PackHealth health;
        int faults;
        String model;
    }

    private final ConcurrentHashMap<String, Seen> seen = new ConcurrentHashMap<>();

    /**
     * True on a pack's first tick and whenever its board state, health, faults or model differ from its previous
     * tick.
     */
    public boolean changed(PackState state) {
        BoardState board = state.decision().boardState();
        PackHealth health = state.health();
        int faults = hash(state.decision().faults());
        String model = state.model();
        Seen s = seen.get(state.pack().id());
        if (s == null) {
            s = new Seen();
            seen.put(state.pack().id(), s);
        } else if (s.board == board && s.health == health && s.faults == faults
                && Objects.equals(s.model, model)) {
            return false;
        }
        s.board = board;
        s.health = health;
        s.faults = faults;
        s.model = model;
        return true;
    }

    /** Forgets a pack that is gone, so that one of the same name starts afresh. */
    public void forget(String pack) {
        seen.remove(pack);
    }

    /** The faults' hash by index: no iterator, so nothing allocated. */
    private static int hash(List<String> faults) {
        int h = 1;
        for (int i = 0; i < faults.size(); i++) {
            h = 31 * h + faults.get(i).hashCode();
        }
        return h;
    }
}
