package io.cellgate.export.mqtt.internal;

import io.cellgate.api.telemetry.PackSnapshot;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Hands snapshots from the tick threads to the publish thread without blocking either: the latest snapshot of
 * each pack waits here; a newer one replaces it.
 */
final class Mailbox {

    /** A snapshot and the wall-clock time it was taken, in milliseconds since the epoch. */
    record Entry(PackSnapshot snapshot, long wallMillis) {
    }

    private final ConcurrentHashMap<String, Entry> latest = new ConcurrentHashMap<>();

    void put(PackSnapshot snapshot, long wallMillis) {
        latest.put(snapshot.pack().id(), new Entry(snapshot, wallMillis));
    }

    void drain(Consumer<Entry> to) {
        for (String pack : latest.keySet()) {
            Entry e = latest.remove(pack);
            if (e != null) {
                to.accept(e);
            }
        }
    }
}
