package io.cellgate.sim.model;

import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackDescription;
import java.util.Arrays;

/**
 * What a simulated pack is made of: nominal figures, how much real cells spread around them, where they start,
 * and the balancer's conversion efficiency. Spreads are drawn once, from {@code seed}, by {@link CellParams}.
 * Defaults and their sources: docs/simulator.md; {@link #builder} fills them in.
 *
 * @param cells                         cells in series, 2…48
 * @param chemistry                     selects the OCV curve
 * @param capacityAh                    nominal capacity per cell, in ampere-hours
 * @param capacitySpread                relative standard deviation of capacity between cells (0.0025 = 0.25 %)
 * @param initialSoc                    SOC (0…1) of each cell at start, or {@code null} to draw it from
 *                                      {@code socMean} and {@code socSpread}
 * @param socMean                       mean initial SOC (0…1) when {@code initialSoc} is null
 * @param socSpread                     standard deviation of initial SOC, absolute (0.01 = 1 % of SOC)
 * @param dcResistanceOhms              nominal DC resistance per cell (R0 + R1), in ohms
 * @param resistanceSpread              relative standard deviation of DC resistance between cells
 * @param r0Fraction                    share of the DC resistance that is the series R0; the rest is R1
 * @param tauSeconds                    time constant R1·C1 of the RC pair, in seconds
 * @param selfDischargePercentPerMonth  self-discharge of each cell, in % of its capacity per 30-day month
 * @param balancerEfficiency            η: the receiver of a pair gets η times the donor's current
 * @param seed                          seed of every random draw (parameters and sensor noise)
 */
public record SimPackSpec(int cells, Chemistry chemistry, double capacityAh, double capacitySpread,
        double[] initialSoc, double socMean, double socSpread, double dcResistanceOhms, double resistanceSpread,
        double r0Fraction, double tauSeconds, double[] selfDischargePercentPerMonth, double balancerEfficiency,
        long seed) {

    /** Relative σ of capacity: measured cell-to-cell variation of new cells is 0.2–0.3 %. */
    public static final double DEFAULT_CAPACITY_SPREAD = 0.0025;
    /** DC resistance of a 2.5 Ah cell; other capacities scale inversely (an assumption, see the docs). */
    public static final double DEFAULT_DC_RESISTANCE_OHMS_AT_2_5_AH = 0.030;
    /** Relative σ of DC resistance (published impedance variation: 0.7–3.8 %). */
    public static final double DEFAULT_RESISTANCE_SPREAD = 0.02;
    /** PyBaMM ECM example: R0 is 40 % and R1 60 % of the DC resistance. */
    public static final double DEFAULT_R0_FRACTION = 0.4;
    /** PyBaMM ECM example: τ = R1·C1 = 30 s. */
    public static final double DEFAULT_TAU_SECONDS = 30.0;
    /** Typical Li-ion self-discharge, 1–2 %/month; the upper end. */
    public static final double DEFAULT_SELF_DISCHARGE_PERCENT_PER_MONTH = 2.0;
    /** An assumption: the EK-L20S1A datasheet only says the efficiency is "relatively low". */
    public static final double DEFAULT_BALANCER_EFFICIENCY = 0.85;
    public static final double DEFAULT_SOC_MEAN = 0.5;

    /** Largest relative spread: three standard deviations must stay below 100 %. */
    static final double MAX_RELATIVE_SPREAD = 0.3;

    public SimPackSpec {
        if (cells < PackDescription.MIN_CELLS || cells > PackDescription.MAX_CELLS) {
            throw new IllegalArgumentException("cells=" + cells + " is out of range: a simulated pack has "
                    + PackDescription.MIN_CELLS + " to " + PackDescription.MAX_CELLS + " cells");
        }
        if (chemistry == null) {
            throw new IllegalArgumentException("chemistry is missing: expected one of NCM, LFP");
        }
        requirePositive("capacityAh", capacityAh);
        requireSpread("capacitySpread", capacitySpread);
        if (initialSoc != null) {
            if (initialSoc.length != cells) {
                throw new IllegalArgumentException(
                        "initialSoc has " + initialSoc.length + " values for " + cells + " cells");
            }
            for (int i = 0; i < cells; i++) {
                requireFraction("initialSoc[" + i + "]", initialSoc[i]);
            }
            initialSoc = initialSoc.clone();
        }
        requireFraction("socMean", socMean);
        if (!(socSpread >= 0 && socSpread <= 0.5)) {
            throw new IllegalArgumentException("socSpread=" + socSpread + " must lie in 0..0.5 (a σ of SOC)");
        }
        requirePositive("dcResistanceOhms", dcResistanceOhms);
        requireSpread("resistanceSpread", resistanceSpread);
        requireFraction("r0Fraction", r0Fraction);
        requirePositive("tauSeconds", tauSeconds);
        if (selfDischargePercentPerMonth == null || selfDischargePercentPerMonth.length != cells) {
            throw new IllegalArgumentException("selfDischargePercentPerMonth needs one value per cell (" + cells
                    + "), got " + (selfDischargePercentPerMonth == null ? "none" : selfDischargePercentPerMonth.length));
        }
        for (int i = 0; i < cells; i++) {
            requireSelfDischarge("selfDischargePercentPerMonth[" + i + "]", selfDischargePercentPerMonth[i]);
        }
        selfDischargePercentPerMonth = selfDischargePercentPerMonth.clone();
        if (!(balancerEfficiency > 0 && balancerEfficiency <= 1)) {
            throw new IllegalArgumentException("balancerEfficiency=" + balancerEfficiency
                    + " must lie in (0, 1]: the receiver gets that share of the donor's current");
        }
    }

    /** A spec with every default, to adjust before {@link Builder#build()}. */
    public static Builder builder(int cells, Chemistry chemistry, double capacityAh) {
        return new Builder(cells, chemistry, capacityAh);
    }

    /** The default DC resistance for a cell of {@code capacityAh}: 30 mΩ at 2.5 Ah, inversely proportional. */
    public static double defaultDcResistanceOhms(double capacityAh) {
        return DEFAULT_DC_RESISTANCE_OHMS_AT_2_5_AH * 2.5 / capacityAh;
    }

    /** The pack as the gateway describes it. */
    public PackDescription description(String packId) {
        return new PackDescription(packId, cells, chemistry);
    }

    /** A copy: a spec does not change. */
    @Override
    public double[] initialSoc() {
        return initialSoc == null ? null : initialSoc.clone();
    }

    /** A copy: a spec does not change. */
    @Override
    public double[] selfDischargePercentPerMonth() {
        return selfDischargePercentPerMonth.clone();
    }

    // equals, hashCode and toString by array contents: two specs that read the same are the same

    @Override
    public boolean equals(Object o) {
        return o instanceof SimPackSpec s && cells == s.cells && chemistry == s.chemistry
                && Double.compare(capacityAh, s.capacityAh) == 0
                && Double.compare(capacitySpread, s.capacitySpread) == 0
                && Arrays.equals(initialSoc, s.initialSoc)
                && Double.compare(socMean, s.socMean) == 0 && Double.compare(socSpread, s.socSpread) == 0
                && Double.compare(dcResistanceOhms, s.dcResistanceOhms) == 0
                && Double.compare(resistanceSpread, s.resistanceSpread) == 0
                && Double.compare(r0Fraction, s.r0Fraction) == 0 && Double.compare(tauSeconds, s.tauSeconds) == 0
                && Arrays.equals(selfDischargePercentPerMonth, s.selfDischargePercentPerMonth)
                && Double.compare(balancerEfficiency, s.balancerEfficiency) == 0 && seed == s.seed;
    }

    @Override
    public int hashCode() {
        int h = java.util.Objects.hash(cells, chemistry, capacityAh, capacitySpread, socMean, socSpread,
                dcResistanceOhms, resistanceSpread, r0Fraction, tauSeconds, balancerEfficiency, seed);
        return 31 * (31 * h + Arrays.hashCode(initialSoc)) + Arrays.hashCode(selfDischargePercentPerMonth);
    }

    @Override
    public String toString() {
        return "SimPackSpec[cells=" + cells + ", chemistry=" + chemistry + ", capacityAh=" + capacityAh
                + ", capacitySpread=" + capacitySpread + ", initialSoc=" + Arrays.toString(initialSoc)
                + ", socMean=" + socMean + ", socSpread=" + socSpread + ", dcResistanceOhms=" + dcResistanceOhms
                + ", resistanceSpread=" + resistanceSpread + ", r0Fraction=" + r0Fraction + ", tauSeconds="
                + tauSeconds + ", selfDischargePercentPerMonth=" + Arrays.toString(selfDischargePercentPerMonth)
                + ", balancerEfficiency=" + balancerEfficiency + ", seed=" + seed + "]";
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0) || value == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(name + "=" + value + " must be a positive finite number");
        }
    }

    private static void requireFraction(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + "=" + value + " must lie in 0..1");
        }
    }

    private static void requireSpread(String name, double value) {
        if (!(value >= 0 && value < MAX_RELATIVE_SPREAD)) {
            throw new IllegalArgumentException(name + "=" + value + " must lie in [0, " + MAX_RELATIVE_SPREAD
                    + ") (a relative standard deviation: 0.0025 is 0.25 %)");
        }
    }

    static void requireSelfDischarge(String name, double percentPerMonth) {
        if (!(percentPerMonth >= 0 && percentPerMonth <= 100)) {
            throw new IllegalArgumentException(name + "=" + percentPerMonth + " must lie in 0..100 %/month");
        }
    }

    /** Fills in the defaults; every setter returns this builder. */
    public static final class Builder {

        private final int cells;
        private final Chemistry chemistry;
        private final double capacityAh;
        private double capacitySpread = DEFAULT_CAPACITY_SPREAD;
        private double[] initialSoc;
        private double[] initialVolts;
        private double socMean = DEFAULT_SOC_MEAN;
        private double socSpread;
        private double dcResistanceOhms = Double.NaN; // NaN until set: the default depends on the capacity
        private double resistanceSpread = DEFAULT_RESISTANCE_SPREAD;
        private double r0Fraction = DEFAULT_R0_FRACTION;
        private double tauSeconds = DEFAULT_TAU_SECONDS;
        private double selfDischargePercentPerMonth = DEFAULT_SELF_DISCHARGE_PERCENT_PER_MONTH;
        private final double[] selfDischargeOverride;
        private double balancerEfficiency = DEFAULT_BALANCER_EFFICIENCY;
        private long seed = 1L;

        private Builder(int cells, Chemistry chemistry, double capacityAh) {
            this.cells = cells;
            this.chemistry = chemistry;
            this.capacityAh = capacityAh;
            this.selfDischargeOverride = new double[Math.max(cells, 0)];
            Arrays.fill(selfDischargeOverride, Double.NaN);
        }

        public Builder capacitySpread(double relativeSigma) {
            capacitySpread = relativeSigma;
            return this;
        }

        /** Every cell's starting SOC (0…1), one per cell. */
        public Builder initialSoc(double... soc) {
            initialSoc = soc == null ? null : soc.clone();
            initialVolts = null;
            return this;
        }

        /**
         * Starting SOCs drawn from a normal distribution of {@code mean} and {@code sigma} (absolute, 0.01 = 1 %
         * of SOC), clipped to 0…1. Named apart from {@link #initialSoc(double...)} so two SOCs never read as these.
         */
        public Builder initialSocDrawn(double mean, double sigma) {
            socMean = mean;
            socSpread = sigma;
            initialSoc = null;
            initialVolts = null;
            return this;
        }

        /**
         * Starting SOCs from resting cell voltages, through the chemistry's inverse OCV curve. On the LFP plateau
         * this is ill-conditioned: 1 mV can mean several % of SOC (see {@link OcvCurve#soc}).
         */
        public Builder initialVolts(double... openCircuitVolts) {
            initialVolts = openCircuitVolts == null ? null : openCircuitVolts.clone();
            initialSoc = null;
            return this;
        }

        public Builder dcResistanceOhms(double ohms) {
            dcResistanceOhms = ohms;
            return this;
        }

        public Builder resistanceSpread(double relativeSigma) {
            resistanceSpread = relativeSigma;
            return this;
        }

        public Builder r0Fraction(double fraction) {
            r0Fraction = fraction;
            return this;
        }

        public Builder tauSeconds(double seconds) {
            tauSeconds = seconds;
            return this;
        }

        /** Self-discharge of every cell not set one by one. */
        public Builder selfDischarge(double percentPerMonth) {
            selfDischargePercentPerMonth = percentPerMonth;
            return this;
        }

        /** Self-discharge of one cell, e.g. a cell with a soft short. */
        public Builder selfDischarge(int cell, double percentPerMonth) {
            if (cell < 0 || cell >= selfDischargeOverride.length) {
                throw new IllegalArgumentException("selfDischarge: cell " + cell + " does not exist in a pack of "
                        + cells + " cells (cells are numbered 0.." + (cells - 1) + ")");
            }
            selfDischargeOverride[cell] = percentPerMonth;
            return this;
        }

        public Builder balancerEfficiency(double eta) {
            balancerEfficiency = eta;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        /** @throws IllegalArgumentException naming the first value that is out of range */
        public SimPackSpec build() {
            double[] selfDischarge = new double[selfDischargeOverride.length];
            for (int i = 0; i < selfDischarge.length; i++) {
                double own = selfDischargeOverride[i];
                selfDischarge[i] = Double.isNaN(own) ? selfDischargePercentPerMonth : own;
            }
            double ohms = dcResistanceOhms;
            if (Double.isNaN(ohms) && capacityAh > 0) {
                ohms = defaultDcResistanceOhms(capacityAh);
            }
            return new SimPackSpec(cells, chemistry, capacityAh, capacitySpread, socFromVolts(), socMean,
                    socSpread, ohms, resistanceSpread, r0Fraction, tauSeconds, selfDischarge, balancerEfficiency,
                    seed);
        }

        private double[] socFromVolts() {
            if (initialVolts == null || chemistry == null) {
                return initialSoc;
            }
            double[] soc = new double[initialVolts.length];
            OcvCurve curve = OcvCurve.of(chemistry);
            for (int i = 0; i < soc.length; i++) {
                if (!Double.isFinite(initialVolts[i])) {
                    throw new IllegalArgumentException(
                            "initialVolts[" + i + "]=" + initialVolts[i] + " must be a finite voltage");
                }
                soc[i] = curve.soc(initialVolts[i]);
            }
            return soc;
        }
    }
}
