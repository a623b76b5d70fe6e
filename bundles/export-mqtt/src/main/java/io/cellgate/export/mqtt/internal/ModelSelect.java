package io.cellgate.export.mqtt.internal;

import io.cellgate.api.telemetry.PackView;
import java.util.List;

/**
 * The Home Assistant select of a pack's balancer model: which models it offers, and the swap when one is chosen, by
 * the shell's rules. Called on the exporter's thread.
 */
interface ModelSelect {

    /** The models that fit the pack cleanly, by qualified name, its own among them. */
    List<String> options(PackView pack);

    /**
     * Swaps the pack to {@code model}; returns what was done, for the log.
     *
     * @throws IllegalArgumentException saying why it is refused
     */
    String swap(String pack, String model);
}
