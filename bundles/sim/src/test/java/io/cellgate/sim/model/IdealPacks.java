package io.cellgate.sim.model;

import io.cellgate.api.pack.Chemistry;

/** Specs of identical cells, so a test can compare against closed forms. */
final class IdealPacks {

    private IdealPacks() {
    }

    /** {@code cells} identical cells at {@code soc}: no spreads, no self-discharge. */
    static SimPackSpec.Builder identical(int cells, Chemistry chemistry, double capacityAh, double soc) {
        return SimPackSpec.builder(cells, chemistry, capacityAh)
                .capacitySpread(0)
                .resistanceSpread(0)
                .selfDischarge(0)
                .initialSocDrawn(soc, 0);
    }
}
