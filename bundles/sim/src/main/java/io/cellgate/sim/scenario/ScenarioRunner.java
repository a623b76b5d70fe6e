package io.cellgate.sim.scenario;

import io.cellgate.api.balancer.BalancerModel;
import io.cellgate.api.driver.CellVoltageSource;
import io.cellgate.api.pack.PackReading;
import io.cellgate.api.telemetry.PackState;
import io.cellgate.sim.model.ChargeLedger;
import io.cellgate.sim.model.SimPack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Plays a scenario on the simulator as fast as the machine goes: faults and load steps at their times, a tick of
 * the gateway's own pack engine every tick period (read, validate, decide, check: a scenario refuses what the
 * gateway refuses), a physics step every step with the decision the engine applied. The loop allocates only when
 * something worth recording changes (an LED, the board state, a trace sample held in memory).
 */
public final class ScenarioRunner {

    /** How often a run looks whether it was asked to stop: every 65536 steps, well under a second. */
    private static final long INTERRUPT_CHECK_MASK = (1 << 16) - 1;

    private ScenarioRunner() {
    }

    /** Runs the scenario; the result holds every trace sample. */
    public static ScenarioResult run(Scenario s, BalancerModel model) {
        return runWith(s, model, Samples.held());
    }

    /**
     * Runs the scenario keeping nothing per trace sample in memory, whatever its duration: with a
     * {@code resultFile}, the trace is streamed to a temporary file beside it as it is taken and the whole result
     * (as {@link ScenarioResult#toJson()} writes it) is written there at the end; without one, the trace is not
     * kept. The result returned holds the last sample only.
     *
     * @since 2.1
     */
    public static ScenarioResult run(Scenario s, BalancerModel model, Path resultFile) throws IOException {
        if (resultFile == null) {
            return runWith(s, model, Samples.lastOnly());
        }
        try (TraceFile trace = TraceFile.beside(resultFile, s.pack().cells())) {
            ScenarioResult r = runWith(s, model, trace);
            trace.writeResult(r, resultFile);
            return r;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * As {@link #run(Scenario, BalancerModel, Path)}, the result file the same, but the result returned holds at
     * most {@code keptSamples} trace samples, evenly spaced, the last among them: enough to draw a report from,
     * bounded whatever the duration.
     *
     * @since 2.3
     */
    public static ScenarioResult run(Scenario s, BalancerModel model, Path resultFile, int keptSamples)
            throws IOException {
        if (keptSamples < 1) {
            throw new IllegalArgumentException("keptSamples must be at least 1, not " + keptSamples);
        }
        try (TraceFile trace = TraceFile.beside(resultFile, s.pack().cells())) {
            ScenarioResult r = runWith(s, model, trace);
            trace.writeResult(r, resultFile);
            return trace.thinned(r, keptSamples);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    static ScenarioResult runWith(Scenario s, BalancerModel model, Samples samples) {
        if (s.replay() != null) {
            return ReplayRunner.runWith(s, model, samples).result();
        }
        SimPack pack = new SimPack(s.pack());
        int cells = pack.cells();
        HeadlessPack engine = new HeadlessPack(s.description(), model);
        CellVoltageSource source = CellVoltageSource.of(pack.cells(), pack::read);
        BalanceCheck check = new BalanceCheck(model.descriptor(), s.description());
        PackState state = null;

        DecisionTimeline timeline = new DecisionTimeline(cells);
        double[] volts = new double[cells];
        double[] ocv = new double[cells];
        double[] soc = new double[cells];
        double[] pairAmps = new double[cells - 1];
        double[] socStart = new double[cells];
        double[] ocvStart = new double[cells];
        for (int c = 0; c < cells; c++) {
            socStart[c] = pack.soc(c);
            ocvStart[c] = pack.openCircuitVolts(c);
        }
        double packVolts = 0;

        double[] loadAmps = s.load().amps();
        List<FaultEvent> faults = s.faults();
        int nextFault = 0;
        int loadStep = 0;
        double nextTick = 0;
        double nextTrace = 0;
        long steps = 0;
        double t = 0;
        final double step = s.stepSeconds();

        while (true) {
            while (nextFault < faults.size() && faults.get(nextFault).atSeconds() <= t) {
                faults.get(nextFault++).applyTo(pack);
            }
            if (t >= nextTick) {
                state = engine.tick(t, source);
                nextTick += s.tickSeconds();
                timeline.record(t, state.decision());
                // the string's voltage as the board's own terminals see it: the reading, or the cell itself where
                // the reading has no value (an open sense wire does not open the string)
                packVolts = 0;
                PackReading reading = state.reading();
                for (int c = 0; c < cells; c++) {
                    ocv[c] = pack.openCircuitVolts(c);
                    packVolts += reading.isValid(c) ? reading.volts(c) : pack.terminalVolts(c);
                }
                check.tick(t, ocv, state.reading(), state.decision(), timeline.balancedAtSeconds());
            }
            boolean end = t >= s.durationSeconds() || (s.stopWhenBalanced() && check.balancedAtSeconds() != null);
            if (t >= nextTrace || end) {
                for (int c = 0; c < cells; c++) {
                    volts[c] = pack.terminalVolts(c);
                    ocv[c] = pack.openCircuitVolts(c);
                    soc[c] = pack.soc(c);
                }
                for (int k = 0; k < cells - 1; k++) {
                    pairAmps[k] = state.decision().signedAmps(k);
                }
                samples.add(t, state.reading().maxAdjacentSpreadVolts(), state.reading().spreadVolts(), volts, ocv,
                        soc, pairAmps);
                nextTrace += s.traceEverySeconds();
            }
            if (end) {
                break;
            }
            if ((steps & INTERRUPT_CHECK_MASK) == 0 && Thread.currentThread().isInterrupted()) {
                throw new CancellationException(s.name() + ": stopped after " + t + " s simulated");
            }
            loadStep = s.load().stepAt(t, loadStep);
            pack.step(step, loadAmps[loadStep], state.decision());
            check.hold(state.decision().boardState(), step, state.decision().boardDrawAmps(), packVolts);
            steps++;
            t = steps * step; // no drift from adding steps up
        }
        ChargeLedger ledger = pack.ledger();
        double[] movedAh = new double[cells - 1];
        double[] pairLossWh = new double[cells - 1];
        for (int k = 0; k < movedAh.length; k++) {
            movedAh[k] = ledger.pairMovedAs(k) / 3600;
            pairLossWh[k] = ledger.pairLossJoules(k) / 3600;
        }
        ResultDetails details = check.details(timeline.balancedAtSeconds(), state.reading().spreadVolts(), ocv,
                cellFigures(pack, socStart, ocvStart), new ResultDetails.Ledger(ledger.efficiency(), ledger.loadAs(),
                        ledger.boardDrawAs(), ledger.selfDischargeAs(), ledger.movedAs(), ledger.conversionLossAs(),
                        ledger.bleedAs()), pairLossWh);
        return new ScenarioResult(s.name(), model.descriptor().qualifiedName(), check.balancedAtSeconds(), t, steps,
                samples.spread(), movedAh, ledger.conversionLossJoules() / 3600, ledger.bleedJoules() / 3600,
                pack.conservationError(), timeline.indicators, timeline.pairs, timeline.boards, samples.trace(),
                engine.events(), details);
    }

    /** Every cell's charge at the start and the end and what the ledger says went in and out. */
    private static ResultDetails.Cells cellFigures(SimPack pack, double[] socStart, double[] ocvStart) {
        int cells = pack.cells();
        double[] capacity = new double[cells];
        double[] socEnd = new double[cells];
        double[] start = new double[cells];
        double[] end = new double[cells];
        double[] in = new double[cells];
        double[] out = new double[cells];
        double[] bled = new double[cells];
        double[] bledWh = new double[cells];
        double[] ocvEnd = new double[cells];
        double[] terminalEnd = new double[cells];
        ChargeLedger ledger = pack.ledger();
        for (int c = 0; c < cells; c++) {
            capacity[c] = pack.capacityAh(c) * 3600;
            socEnd[c] = pack.soc(c);
            start[c] = socStart[c] * capacity[c];
            end[c] = start[c] - pack.drawnAs(c);
            in[c] = ledger.chargeInAs(c);
            out[c] = ledger.chargeOutAs(c);
            bled[c] = ledger.bleedAs(c);
            bledWh[c] = ledger.bleedJoules(c) / 3600;
            ocvEnd[c] = pack.openCircuitVolts(c);
            terminalEnd[c] = pack.terminalVolts(c);
        }
        return new ResultDetails.Cells(capacity, socStart, socEnd, start, end, in, out, bled, bledWh, ocvStart, ocvEnd,
                terminalEnd);
    }
}
