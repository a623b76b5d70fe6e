package io.cellgate.export.mqtt.internal;

import io.cellgate.api.telemetry.PackView;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Hands views from the tick threads to the publish thread without blocking either: the latest view of each pack
 * waits here; a newer one replaces it.
 */
final class Mailbox {

    private final ConcurrentHashMap<String, PackView> latest = new ConcurrentHashMap<>();

    void put(PackView view) {
        latest.put(view.pack().id(), view);
    }

    void drain(Consumer<PackView> to) {
        for (String pack : latest.keySet()) {
            PackView v = latest.remove(pack);
            if (v != null) {
                to.accept(v);
            }
        }
    }
}
