package io.cellgate.balancer.tck;

import io.cellgate.api.balancer.Balancer;
import io.cellgate.api.balancer.DescribedModel;
import io.cellgate.api.balancer.BoardState;
import io.cellgate.api.balancer.Decision;
import io.cellgate.api.balancer.Indicator;
import io.cellgate.api.balancer.ModelDescriptor;
import io.cellgate.api.balancer.PairDirection;
import io.cellgate.api.balancer.Topology;
import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.pack.PackReading;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A small adjacent balancer that keeps the contract (start above 50 mV, stop at 20 mV, 0.5 A, cells 2.8-4.3 V, up
 * to 50 °C), and the same with one flaw each, to show that the kit catches it.
 */
final class ReferenceModel extends DescribedModel {

    enum Flaw { IGNORES_VALIDITY, EXCEEDS_MAX_AMPS, TRIGGER_5MV_LOW, THROWS_ON_NAN, RANDOM, ALLOCATES, NO_HYSTERESIS, NEVER_BALANCES }

    static final double TRIGGER_VOLTS = 0.050;
    static final double STOP_VOLTS = 0.020;
    static final double AMPS = 0.5;

    private final Set<Flaw> flaws;

    ReferenceModel(Flaw... flaws) {
        super(new ModelDescriptor("REF", flaws.length == 0 ? "sound" : Arrays.toString(flaws), "tck", 2, 48,
                Set.of(Chemistry.NCM, Chemistry.LFP), Topology.ADJACENT, AMPS, Map.of(
                        ParameterNames.TRIGGER_VOLTS, TRIGGER_VOLTS, ParameterNames.STOP_VOLTS, STOP_VOLTS,
                        ParameterNames.MIN_CELL_VOLTS, 2.8, ParameterNames.MAX_CELL_VOLTS, 4.3,
                        ParameterNames.MAX_CELSIUS, 50.0, ParameterNames.MAX_AMPS, AMPS)));
        this.flaws = flaws.length == 0 ? EnumSet.noneOf(Flaw.class) : EnumSet.of(flaws[0], flaws);
    }

    @Override
    protected Balancer createSupported(PackDescription pack) {
        return new ReferenceBalancer(pack.cells());
    }

    private final class ReferenceBalancer implements Balancer {

        private final boolean[] balancing;
        @SuppressWarnings("unused")
        private double[] leaked;

        ReferenceBalancer(int cells) {
            balancing = new boolean[cells - 1];
        }

        @Override
        public void decide(PackReading reading, Decision out) {
            if (flaws.contains(Flaw.ALLOCATES)) {
                leaked = new double[reading.cells()];
            }
            boolean hot = reading.temperatureCelsius() > 50;
            for (int k = 0; k < balancing.length; k++) {
                if (flaws.contains(Flaw.THROWS_ON_NAN) && Double.isNaN(reading.volts(k))) {
                    throw new IllegalStateException("NaN");
                }
                if (hot || !usable(reading, k) || !usable(reading, k + 1) || flaws.contains(Flaw.NEVER_BALANCES)) {
                    balancing[k] = false;
                    continue;
                }
                double delta = reading.volts(k + 1) - reading.volts(k);
                double trigger = flaws.contains(Flaw.TRIGGER_5MV_LOW) ? TRIGGER_VOLTS - 0.005 : TRIGGER_VOLTS;
                double threshold = balancing[k] && !flaws.contains(Flaw.NO_HYSTERESIS) ? STOP_VOLTS : trigger;
                balancing[k] = Math.abs(delta) > threshold;
                if (balancing[k]) {
                    double amps = flaws.contains(Flaw.EXCEEDS_MAX_AMPS) ? 2 * AMPS
                            : flaws.contains(Flaw.RANDOM) && Math.random() < 0.5 ? AMPS / 2 : AMPS;
                    out.setPair(k, delta > 0 ? PairDirection.UPPER_TO_LOWER : PairDirection.LOWER_TO_UPPER, amps);
                    out.setIndicator(k, Indicator.ON);
                    out.setIndicator(k + 1, Indicator.ON);
                }
            }
            out.setBoardState(out.balancingPairs() > 0 ? BoardState.ACTIVE : BoardState.SLEEP);
        }

        private boolean usable(PackReading reading, int cell) {
            if (flaws.contains(Flaw.IGNORES_VALIDITY)) {
                return true;
            }
            double v = reading.volts(cell);
            return reading.isValid(cell) && v >= 2.8 && v <= 4.3;
        }
    }
}
