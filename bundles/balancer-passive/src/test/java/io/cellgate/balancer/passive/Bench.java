package io.cellgate.balancer.passive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.balancer.Decision;
import io.cellgate.api.balancer.Indicator;
import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.pack.PackReading;
import java.util.Arrays;

/** One passive balancer on a pack, ticked by hand. */
final class Bench {

    final PassiveBalancer balancer;
    final Decision decision;
    final int cells;

    private Bench(PassiveProfile profile, Chemistry chemistry, int cells) {
        this.balancer = (PassiveBalancer) new PassiveModel(profile, "bench")
                .create(new PackDescription("bench", cells, chemistry));
        this.decision = new Decision(cells);
        this.cells = cells;
    }

    static Bench of(PassiveProfile profile, Chemistry chemistry, int cells) {
        return new Bench(profile, chemistry, cells);
    }

    Decision tick(PackReading reading) {
        decision.reset();
        balancer.decide(reading, decision);
        return decision;
    }

    Decision tick(double... volts) {
        return tick(PackReading.of(volts));
    }

    /**
     * Checks a temperature limit: {@code volts} bleed {@code cell} at 0.1 °C below {@code limitCelsius}, and
     * nothing bleeds at it.
     */
    void assertStopsAtCelsius(double limitCelsius, double[] volts, int cell) {
        PackReading r = PackReading.of(volts);
        r.setTemperatureCelsius(limitCelsius - 0.1);
        tick(r);
        assertTrue(bleeds(cell), "cell " + (cell + 1) + " bleeds at " + (limitCelsius - 0.1) + " °C");
        r.setTemperatureCelsius(limitCelsius);
        tick(r);
        assertEquals(0, bleedingCells(), "nothing bleeds at " + limitCelsius + " °C");
    }

    /** {@code cells} cells at {@code volts}, one of them {@code aboveVolts} higher. */
    static double[] raised(int cells, double volts, int cell, double aboveVolts) {
        double[] v = new double[cells];
        Arrays.fill(v, volts);
        v[cell] += aboveVolts;
        return v;
    }

    boolean bleeds(int cell) {
        return decision.isBleeding(cell);
    }

    int bleedingCells() {
        int n = 0;
        for (int cell = 0; cell < cells; cell++) {
            if (bleeds(cell)) {
                n++;
            }
        }
        return n;
    }

    boolean on(int cell) {
        return decision.indicator(cell) == Indicator.ON;
    }
}
