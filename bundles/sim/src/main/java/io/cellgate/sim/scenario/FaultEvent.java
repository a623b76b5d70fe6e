package io.cellgate.sim.scenario;

import io.cellgate.sim.model.SimPack;
import java.util.Locale;

/**
 * A fault injected at a time: on a cell (numbered from 1 in files and messages, from 0 here) or on every reading.
 *
 * @param atSeconds when it happens
 * @param kind      what happens
 * @param cell      the cell, 0-based, or -1 for {@link Kind#NOISE}
 * @param value     mV of noise σ for NOISE, %/month for SELF_DISCHARGE, unused otherwise
 * @param offset    mV of offset for NOISE, unused otherwise
 */
public record FaultEvent(double atSeconds, Kind kind, int cell, double value, double offset) {

    /** The faults a scenario can inject. */
    public enum Kind {
        /** The cell's sense wire opens: bad contact. */
        OPEN_WIRE,
        /** The cell's sense wire closes again. */
        RECONNECT,
        /** The cell's ADC channel freezes at its last value. */
        STUCK,
        /** The channel reads live again. */
        UNSTUCK,
        /** Gaussian noise and an offset on every reading. */
        NOISE,
        /** The cell's self-discharge becomes {@code value} %/month (a soft short). */
        SELF_DISCHARGE;

        static Kind parse(String text, String field) {
            String norm = text.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
            for (Kind k : values()) {
                if (k.name().equals(norm)) {
                    return k;
                }
            }
            throw new IllegalArgumentException(field + " '" + text + "' is unknown; known kinds: openWire, "
                    + "reconnect, stuck, unstuck, noise, selfDischarge");
        }
    }

    void applyTo(SimPack pack) {
        switch (kind) {
            case OPEN_WIRE -> pack.openWire(cell, true);
            case RECONNECT -> pack.openWire(cell, false);
            case STUCK -> pack.stuckChannel(cell, true);
            case UNSTUCK -> pack.stuckChannel(cell, false);
            case NOISE -> pack.noise(value / 1000, offset / 1000);
            case SELF_DISCHARGE -> pack.selfDischarge(cell, value);
        }
    }
}
