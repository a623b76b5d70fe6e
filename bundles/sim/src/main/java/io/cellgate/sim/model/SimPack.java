package io.cellgate.sim.model;

import io.cellgate.api.balancer.Decision;
import io.cellgate.api.pack.PackReading;

/**
 * A string of simulated cells. Each cell is an OCV source behind a series R0 and one R1‖C1 pair, with a
 * constant self-discharge leak:
 * <pre>
 *   V = OCV(soc) − R0·I − vRc          I in amperes, positive = discharge
 *   vRc ← vRc·a + R1·I·(1 − a)          a = exp(−dt/τ), exact for I constant over dt
 *   charge ← charge − (I + I_leak)·dt   I_leak only drains, it does not pass R0
 * </pre>
 * The current I of a cell is the pack current, plus the balancer board's own draw, plus what the balancer's pairs
 * take from it (as a donor) or give it (η times the donor's current, as a receiver), plus what a passive board's
 * bleed resistor takes from it (that charge arrives nowhere: it becomes heat). The balance and bleed currents pass
 * R0 too, which is why a donor or a bleeding cell reads low while it gives.
 *
 * <p>The state sits in flat arrays and {@link #step} allocates nothing and computes no exp per cell, so a
 * scenario can run years of pack time in seconds. Not thread-safe: one thread steps and reads a pack.
 */
public final class SimPack {

    private final SimPackSpec spec;
    private final CellParams params;
    private final OcvCurve ocv;
    private final int cells;
    private final double efficiency;
    private final double tauSeconds;

    private final double[] initialSoc;
    /** Net charge that left each cell since start, in A·s; kept from zero so small drains stay exact. */
    private final double[] drawnAs;
    private final double[] inverseCapacityAs;
    /** Each cell's capacity in A·s: drawn from the spec, then as {@link #fadeCapacity} left it. */
    private final double[] capacityAs;
    private final double[] r0Ohms;
    private final double[] r1Ohms;
    private final double[] rcVolts;
    /** The current through each cell's terminals in the last step, in amperes, positive = discharge. */
    private final double[] terminalAmps;
    private final double[] selfDischargePercentPerMonth;
    private final double[] selfDischargeAmps;
    private double selfDischargeTotalAmps;

    /** Scratch: this step's signed pair currents, pair k at index k+1, zero at both ends. */
    private final double[] paddedPairAmps;
    /** Scratch: this step's bleed current per cell, in amperes. */
    private final double[] bleedAmps;
    /** True when a cell bleeds in this step: only then is the bleed ledger written. */
    private boolean bleeding;

    // exp(−dt/τ) only changes with dt, so it is computed once per new dt, not per cell or step
    private double cachedDtSeconds = Double.NaN;
    private double rcDecay;
    private double rcRise;

    private double timeSeconds;
    private final ChargeLedger ledger;
    private final SensorFaults faults;

    public SimPack(SimPackSpec spec) {
        this.spec = spec;
        this.params = CellParams.draw(spec);
        this.ocv = OcvCurve.of(spec.chemistry());
        this.cells = spec.cells();
        this.efficiency = spec.balancerEfficiency();
        this.tauSeconds = spec.tauSeconds();
        initialSoc = params.initialSoc.clone();
        drawnAs = new double[cells];
        inverseCapacityAs = new double[cells];
        capacityAs = params.capacityAs.clone();
        for (int i = 0; i < cells; i++) {
            inverseCapacityAs[i] = 1.0 / capacityAs[i];
        }
        r0Ohms = params.r0Ohms.clone();
        r1Ohms = params.r1Ohms.clone();
        rcVolts = new double[cells];
        terminalAmps = new double[cells];
        selfDischargePercentPerMonth = params.selfDischargePercentPerMonth.clone();
        selfDischargeAmps = new double[cells];
        for (int i = 0; i < cells; i++) {
            setSelfDischarge(i, selfDischargePercentPerMonth[i]);
        }
        paddedPairAmps = new double[cells + 1];
        bleedAmps = new double[cells];
        ledger = new ChargeLedger(cells, efficiency);
        faults = new SensorFaults(cells, spec.seed());
    }

    /**
     * Advances by {@code dtSeconds} with the pack current and the balancer's whole decision, held constant over the
     * step: its pair currents, its bleeds and its board draw. This is the only way to step, so no caller can drop a
     * part of a decision (a passive board balances by its bleeds alone).
     *
     * @param packAmps current through the pack terminals, positive = discharge, negative = charge
     * @param balance  the board's pairs (donor gives {@code amps}, receiver gets η·amps), its bleeds (the charge
     *                 becomes heat; see {@link ChargeLedger#bleedAs()}) and its own draw, taken from every cell
     */
    public void step(double dtSeconds, double packAmps, Decision balance) {
        if (balance.cells() != cells) {
            throw new IllegalArgumentException(
                    "a decision for " + balance.cells() + " cells cannot drive a pack of " + cells);
        }
        checkStep(dtSeconds, packAmps, balance.boardDrawAmps());
        // a Decision only holds finite, checked currents: pairs >= 0 with a direction, bleeds >= 0
        for (int k = 0; k < cells - 1; k++) {
            paddedPairAmps[k + 1] = balance.signedAmps(k);
        }
        boolean anyBleed = false;
        for (int i = 0; i < cells; i++) {
            double amps = balance.bleedAmps(i);
            bleedAmps[i] = amps;
            anyBleed |= amps > 0;
        }
        bleeding = anyBleed;
        advance(dtSeconds, packAmps, paddedPairAmps, balance.boardDrawAmps());
    }

    private static void checkStep(double dtSeconds, double packAmps, double boardDrawAmps) {
        if (!(dtSeconds > 0) || dtSeconds == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("dtSeconds=" + dtSeconds + " must be a positive finite number");
        }
        if (!Double.isFinite(packAmps)) {
            throw new IllegalArgumentException("packAmps=" + packAmps + " must be finite");
        }
        if (!(boardDrawAmps >= 0) || boardDrawAmps == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("boardDrawAmps=" + boardDrawAmps + " must be finite and >= 0");
        }
    }

    /**
     * The hot path: arguments are checked, nothing is allocated. {@code pairAmps} holds pair k at index k+1,
     * with zeros at 0 and at {@code cells}, so the end cells need no special case.
     */
    private void advance(double dt, double packAmps, double[] pairAmps, double boardDrawAmps) {
        if (dt != cachedDtSeconds) {
            double x = -dt / tauSeconds;
            rcDecay = Math.exp(x);
            rcRise = -Math.expm1(x); // 1 − a without cancellation when dt ≪ τ
            cachedDtSeconds = dt;
        }
        final double eta = efficiency;
        final double lossShare = 1 - eta;

        // the ledger of the pairs: each donor gives |s|; the lost share is valued at the donor's OCV
        final double[] moved = ledger.pairMovedAs;
        final double[] pairLoss = ledger.pairLossJoules;
        double lossWatts = 0;
        for (int k = 0; k < moved.length; k++) {
            double s = pairAmps[k + 1];
            if (s != 0) {
                double amps = Math.abs(s);
                moved[k] += amps * dt;
                double watts = amps * ocv.volts(soc(s > 0 ? k : k + 1));
                lossWatts += watts;
                pairLoss[k] += watts * lossShare * dt;
            }
        }
        lossWatts *= lossShare;
        if (bleeding) {
            recordBleed(dt);
        }

        // the cells: a cell is the lower end of the pair above it and the upper end of the pair below it;
        // as a donor it gives |s|, as a receiver it gets η·|s|, written branch-free
        final double common = packAmps + boardDrawAmps;
        final double decay = rcDecay;
        final double rise = rcRise;
        final double[] drawn = drawnAs;
        final double[] in = ledger.chargeInAs;
        final double[] out = ledger.chargeOutAs;
        final double[] leak = selfDischargeAmps;
        final double[] r1 = r1Ohms;
        final double[] rc = rcVolts;
        final double[] terminal = terminalAmps;
        final double[] bleed = bleedAmps;
        for (int i = 0; i < cells; i++) {
            double above = pairAmps[i + 1]; // > 0: this cell gives upward
            double below = pairAmps[i];     // > 0: this cell receives from below
            // given (exactly |s|) minus received (η·|s|), from the pair above and the pair below
            double balance = positivePart(above) - eta * positivePart(-above)
                    + positivePart(-below) - eta * positivePart(below);
            double amps = common + balance + bleed[i];
            double dq = (amps + leak[i]) * dt;
            drawn[i] += dq;
            out[i] += positivePart(dq);
            in[i] += positivePart(-dq);
            rc[i] = rc[i] * decay + r1[i] * amps * rise;
            terminal[i] = amps;
        }
        ledger.record(packAmps * dt, boardDrawAmps * dt, selfDischargeTotalAmps * dt, lossWatts * dt);
        timeSeconds += dt;
    }

    /** The bleed ledger of one step: charge per cell, and the stored energy it took, valued at each cell's OCV. */
    private void recordBleed(double dt) {
        final double[] bled = ledger.cellBleedAs;
        final double[] bledJoules = ledger.cellBleedJoules;
        double bleedWatts = 0;
        for (int i = 0; i < cells; i++) {
            double amps = bleedAmps[i];
            if (amps != 0) {
                bled[i] += amps * dt;
                double watts = amps * ocv.volts(soc(i));
                bleedWatts += watts;
                bledJoules[i] += watts * dt;
            }
        }
        ledger.recordBleed(bleedWatts * dt);
    }

    /**
     * max(x, 0), exactly: x + |x| is 2x or 0 without rounding. Math.max handles NaN and −0 with branches and made
     * the cell loop more than twice as slow; the hot path has no NaN (its inputs are checked).
     */
    private static double positivePart(double x) {
        return 0.5 * (x + Math.abs(x));
    }

    /** Fills {@code into} with every cell's terminal voltage as the sensors show it, faults included. */
    public void read(PackReading into) {
        if (into.cells() != cells) {
            throw new IllegalArgumentException(
                    "a reading of " + into.cells() + " cells cannot hold a pack of " + cells);
        }
        for (int i = 0; i < cells; i++) {
            faults.report(into, i, terminalVolts(i));
        }
    }

    // ---- state

    public int cells() {
        return cells;
    }

    /** Simulated time since the pack was built, in seconds. */
    public double timeSeconds() {
        return timeSeconds;
    }

    /** State of charge, 0…1 nominally; not clamped, so a cell drained past empty shows below 0. */
    public double soc(int cell) {
        return initialSoc[cell] - drawnAs[cell] * inverseCapacityAs[cell];
    }

    /** The true voltage at the cell's terminals, with no sensor fault, in volts. */
    public double terminalVolts(int cell) {
        return ocv.volts(soc(cell)) - r0Ohms[cell] * terminalAmps[cell] - rcVolts[cell];
    }

    public double openCircuitVolts(int cell) {
        return ocv.volts(soc(cell));
    }

    /** Voltage across the RC pair, in volts (positive after discharge). */
    public double rcVolts(int cell) {
        return rcVolts[cell];
    }

    /** Current through the cell's terminals in the last step, in amperes, positive = discharge. */
    public double terminalAmps(int cell) {
        return terminalAmps[cell];
    }

    /** Net charge that left the cell since the start, in A·s. */
    public double drawnAs(int cell) {
        return drawnAs[cell];
    }

    /** The cell's capacity now, in ampere-hours: as drawn from the spec, or as {@link #fadeCapacity} left it. */
    public double capacityAh(int cell) {
        return capacityAs[cell] / 3600;
    }

    public double r0Ohms(int cell) {
        return r0Ohms[cell];
    }

    public double r1Ohms(int cell) {
        return r1Ohms[cell];
    }

    public double selfDischargePercentPerMonth(int cell) {
        return selfDischargePercentPerMonth[cell];
    }

    public SimPackSpec spec() {
        return spec;
    }

    public OcvCurve ocv() {
        return ocv;
    }

    public ChargeLedger ledger() {
        return ledger;
    }

    /**
     * How far the charge bookkeeping misses, relative to the charge that flowed through all cells: both the
     * identity of {@link ChargeLedger} and each cell's in − out against its change of charge. Rounding only.
     */
    public double conservationError() {
        double[] change = new double[cells];
        for (int i = 0; i < cells; i++) {
            change[i] = -drawnAs[i];
        }
        return ledger.conservationError(change);
    }

    /**
     * Sets a cell apart by hand: its state of charge moves so that its open-circuit voltage changes by
     * {@code volts}, as if the cell had been built that way. No charge flows, so the ledger is untouched and
     * conservation still holds.
     */
    public void shiftOpenCircuitVolts(int cell, double volts) {
        requireCell(cell);
        if (!Double.isFinite(volts)) {
            throw new IllegalArgumentException("a shift of " + volts + " V is not a number");
        }
        double now = soc(cell);
        initialSoc[cell] += ocv.soc(ocv.volts(now) + volts) - now;
    }

    // ---- faults

    /** Opens (or closes) the sense wire of {@code cell}: it reads NaN with status OPEN_WIRE. */
    public void openWire(int cell, boolean open) {
        faults.openWire(requireCell(cell), open);
    }

    /** Freezes (or frees) the channel of {@code cell} at the value it last showed. */
    public void stuckChannel(int cell, boolean stuck) {
        faults.stuck(requireCell(cell), stuck, terminalVolts(cell));
    }

    /** Gaussian noise of {@code sigmaVolts} plus a fixed {@code offsetVolts} on every reading; seeded by the spec. */
    public void noise(double sigmaVolts, double offsetVolts) {
        faults.noise(sigmaVolts, offsetVolts);
    }

    /** Changes the self-discharge of one cell from now on, e.g. a cell that develops a soft short. */
    public void selfDischarge(int cell, double percentPerMonth) {
        SimPackSpec.requireSelfDischarge("selfDischarge of cell " + requireCell(cell), percentPerMonth);
        setSelfDischarge(cell, percentPerMonth);
    }

    /**
     * The cell loses capacity from now on: its capacity becomes {@code factor} times what it is (0.9: an aged cell
     * with 10 % less), keeping its present state of charge; its self-discharge stays the same share of its capacity.
     * No charge flows, so the ledger is untouched.
     *
     * @since 2.1
     */
    public void fadeCapacity(int cell, double factor) {
        requireCell(cell);
        if (!(factor > 0 && factor <= 1)) {
            throw new IllegalArgumentException("a capacity factor of " + factor + " must lie in (0, 1]: the share of "
                    + "its capacity the cell keeps");
        }
        double now = soc(cell);
        capacityAs[cell] *= factor;
        inverseCapacityAs[cell] = 1.0 / capacityAs[cell];
        initialSoc[cell] = now + drawnAs[cell] * inverseCapacityAs[cell];
        setSelfDischarge(cell, selfDischargePercentPerMonth[cell]);
    }

    public boolean isOpenWire(int cell) {
        return faults.isOpenWire(cell);
    }

    public boolean isStuck(int cell) {
        return faults.isStuck(cell);
    }

    private void setSelfDischarge(int cell, double percentPerMonth) {
        selfDischargePercentPerMonth[cell] = percentPerMonth;
        selfDischargeAmps[cell] = CellParams.selfDischargeAmps(percentPerMonth, capacityAs[cell]);
        double total = 0;
        for (double amps : selfDischargeAmps) {
            total += amps;
        }
        selfDischargeTotalAmps = total;
    }

    private int requireCell(int cell) {
        if (cell < 0 || cell >= cells) {
            throw new IllegalArgumentException(
                    "cell " + cell + " does not exist: cells are numbered 0.." + (cells - 1));
        }
        return cell;
    }
}
