package io.cellgate.balancer.tck;

import io.cellgate.api.pack.CellStatus;
import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackReading;
import java.util.SplittableRandom;

/**
 * Seeded reading sequences: a plausible random walk with the odd fault, and nonsense (NaN, infinities, negative and
 * huge voltages, every status, extreme temperatures). Same seed, same sequence.
 */
final class RandomReadings {

    static final double[] NONSENSE_VOLTS = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -1.0,
        -Double.MIN_VALUE, 0.0, 6.5, 1e9, Double.MAX_VALUE, -Double.MAX_VALUE};
    static final double[] NONSENSE_CELSIUS = {Double.NaN, 25, -40, 95, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, -273.15, 1e6};
    private static final CellStatus[] FAULTS = {CellStatus.OPEN_WIRE, CellStatus.OUT_OF_RANGE, CellStatus.STALE};

    private final SplittableRandom random;
    private final Chemistry chemistry;
    private final double[] walkVolts;
    private long tickNanos;

    RandomReadings(long seed, Chemistry chemistry, int cells) {
        this.random = new SplittableRandom(seed);
        this.chemistry = chemistry;
        this.walkVolts = new double[cells];
        for (int cell = 0; cell < cells; cell++) {
            walkVolts[cell] = plausible();
        }
    }

    /** The next step of a random walk: a few millivolts a tick, sometimes a jump, 2 % of cells faulted. */
    void walk(PackReading into) {
        for (int cell = 0; cell < walkVolts.length; cell++) {
            double step = random.nextInt(50) == 0 ? random.nextDouble(-0.3, 0.3) : random.nextDouble(-0.005, 0.005);
            walkVolts[cell] = clamp(walkVolts[cell] + step, chemistry.minVolts() - 0.3, chemistry.maxVolts() + 0.3);
            CellStatus status = random.nextInt(50) == 0 ? FAULTS[random.nextInt(FAULTS.length)] : CellStatus.OK;
            into.set(cell, walkVolts[cell], status);
        }
        into.setTemperatureCelsius(random.nextInt(20) == 0 ? random.nextDouble(-50, 100) : 25);
        into.setTimeNanos(tickNanos += 1_000_000_000L);
    }

    /** A reading where any cell may hold any value with any status, and the temperature anything. */
    void nonsense(PackReading into) {
        for (int cell = 0; cell < walkVolts.length; cell++) {
            double volts = random.nextInt(3) == 0 ? NONSENSE_VOLTS[random.nextInt(NONSENSE_VOLTS.length)]
                    : plausible();
            CellStatus status = random.nextInt(4) == 0 ? FAULTS[random.nextInt(FAULTS.length)] : CellStatus.OK;
            into.set(cell, volts, status);
        }
        into.setTemperatureCelsius(NONSENSE_CELSIUS[random.nextInt(NONSENSE_CELSIUS.length)]);
        into.setTimeNanos(random.nextInt(10) == 0 ? random.nextLong() : (tickNanos += 1_000_000_000L));
    }

    private double plausible() {
        return random.nextDouble(chemistry.minVolts() - 0.3, chemistry.maxVolts() + 0.3);
    }

    private static double clamp(double v, double low, double high) {
        return Math.max(low, Math.min(high, v));
    }
}
