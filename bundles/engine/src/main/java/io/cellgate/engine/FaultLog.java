package io.cellgate.engine;

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
    private final List<ActiveFault> active = new ArrayList<>();

    FaultLog(String packId, PackEvents events) {
        this.packId = packId;
        this.events = events;
    }

    synchronized void update(List<String> now, long tick, long timeMillis) {
        for (int i = 0; i < now.size(); i++) {
            String fault = now.get(i);
            if (indexOf(fault) < 0) {
                active.add(new ActiveFault(fault, tick, timeMillis));
                events.warn(packId + ": fault: " + fault);
            }
        }
        for (int i = active.size() - 1; i >= 0; i--) {
            if (!now.contains(active.get(i).message())) {
                events.info(packId + ": cleared: " + active.get(i).message());
                active.remove(i);
            }
        }
    }

    private int indexOf(String fault) {
        for (int i = 0; i < active.size(); i++) {
            if (active.get(i).message().equals(fault)) {
                return i;
            }
        }
        return -1;
    }

    synchronized List<ActiveFault> snapshot() {
        return List.copyOf(active);
    }
}
