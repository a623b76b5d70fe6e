package io.cellgate.pack.engine;

import io.cellgate.api.runtime.Pack.ActiveFault;
import java.util.ArrayList;
import java.util.List;

/**
 * The faults present now, each logged once when it appears and once when it clears, never every tick. Allocates
 * only when the set of faults changes.
 */
final class FaultLog {

    private final String packId;
    private final PackEvents events;
    private final List<String> active = new ArrayList<>();
    private final List<Long> since = new ArrayList<>();

    FaultLog(String packId, PackEvents events) {
        this.packId = packId;
        this.events = events;
    }

    void update(List<String> now, long tick) {
        for (int i = 0; i < now.size(); i++) {
            String fault = now.get(i);
            if (!active.contains(fault)) {
                active.add(fault);
                since.add(tick);
                events.warn(packId + ": fault: " + fault);
            }
        }
        for (int i = active.size() - 1; i >= 0; i--) {
            if (!now.contains(active.get(i))) {
                events.info(packId + ": cleared: " + active.get(i));
                active.remove(i);
                since.remove(i);
            }
        }
    }

    List<ActiveFault> snapshot() {
        List<ActiveFault> list = new ArrayList<>(active.size());
        for (int i = 0; i < active.size(); i++) {
            list.add(new ActiveFault(active.get(i), since.get(i)));
        }
        return list;
    }
}
