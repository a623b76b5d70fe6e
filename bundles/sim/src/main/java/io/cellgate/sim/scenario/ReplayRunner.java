package io.cellgate.sim.scenario;

import io.cellgate.api.balancer.BalancerModel;
import io.cellgate.api.balancer.Decision;
import io.cellgate.api.driver.CellVoltageSource;
import io.cellgate.api.pack.PackReading;
import io.cellgate.api.recording.RecordingFormat;
import io.cellgate.api.telemetry.PackState;
import java.io.IOException;

/**
 * Plays a scenario whose voltages come from a {@link Recording} instead of the physics: every row is a reading
 * (voltages, statuses, temperature, at the recorded time) that the gateway's pack engine ticks on, headless, as
 * {@link ScenarioRunner} does, and the decisions are recorded as it records them. Nothing flows, so the charge moved is the charge the balancer
 * asked for (current × time until the next row) and the energy lost is estimated from it with the pack's
 * efficiency, valued at the donor's recorded voltage; the conservation error does not apply (NaN).
 */
public final class ReplayRunner {

    private ReplayRunner() {
    }

    /** @throws IllegalArgumentException when the recording cannot be read, naming the file and line */
    public static ReplayResult run(Scenario s, BalancerModel model) {
        return runWith(s, model, Samples.held());
    }

    static ReplayResult runWith(Scenario s, BalancerModel model, Samples samples) {
        try (Recording rec = Recording.open(s.replay())) {
            if (rec.cells() != s.pack().cells()) {
                throw new IllegalArgumentException("replay: " + s.replay() + " has " + rec.cells()
                        + " cells, pack.cells is " + s.pack().cells());
            }
            return replay(s, model, rec, samples);
        } catch (IOException e) {
            throw new IllegalArgumentException("replay: cannot read " + s.replay() + ": " + e.getMessage(), e);
        }
    }

    private static ReplayResult replay(Scenario s, BalancerModel model, Recording rec, Samples samples)
            throws IOException {
        int cells = rec.cells();
        HeadlessPack engine = new HeadlessPack(s.description(), model);
        CellVoltageSource source = CellVoltageSource.of(rec.cells(), into -> readRow(rec, into));
        PackReading reading = null;
        Decision decision = null;
        double efficiency = s.pack().balancerEfficiency();

        DecisionTimeline timeline = new DecisionTimeline(cells);
        BalanceCheck check = new BalanceCheck(model.descriptor(), s.description());
        double[] volts = new double[cells];
        double[] movedAs = new double[cells - 1];
        double[] lossJoulesPerPair = new double[cells - 1];
        double lossJoules = 0;
        double nextTrace = 0;
        double t = 0;
        double lastSample = -1;
        long rows = 0;
        long compared = 0;
        long otherAmps = 0;
        long otherBoard = 0;
        long differing = 0;

        while (rec.next()) {
            double now = rec.seconds();
            if (now > s.durationSeconds()) {
                break;
            }
            if (rows > 0) { // the previous decision held until now
                double dt = now - t;
                for (int k = 0; k < movedAs.length; k++) {
                    double amps = decision.amps(k);
                    if (amps > 0) {
                        movedAs[k] += amps * dt;
                        double donorVolts = reading.volts(decision.direction(k).donor(k));
                        if (Double.isFinite(donorVolts)) {
                            double joules = (1 - efficiency) * amps * dt * donorVolts;
                            lossJoules += joules;
                            lossJoulesPerPair[k] += joules;
                        }
                    }
                }
                double packVolts = 0;
                for (int c = 0; c < cells; c++) {
                    packVolts += reading.isValid(c) ? reading.volts(c) : 0;
                }
                check.hold(decision.boardState(), dt, decision.boardDrawAmps(), packVolts);
            }
            t = now;
            PackState state = engine.tick(t, source);
            reading = state.reading();
            decision = state.decision();
            rows++;

            timeline.record(t, decision);
            for (int c = 0; c < cells; c++) {
                volts[c] = reading.isValid(c) ? reading.volts(c) : Double.NaN;
            }
            check.tick(t, volts, reading, decision, timeline.balancedAtSeconds());
            if (rec.decidedByBalancer()) { // every recording of format 1 holds its decisions
                compared++;
                boolean amps = false;
                for (int k = 0; k < movedAs.length; k++) {
                    // a recording keeps currents to the microampere; older ones kept every digit
                    amps |= !(Math.abs(RecordingFormat.recordedAmps(decision.signedAmps(k))
                            - RecordingFormat.recordedAmps(rec.signedAmps(k))) < ReplayResult.SAME_AMPS);
                }
                boolean boardState = decision.boardState() != rec.boardState();
                otherAmps += amps ? 1 : 0;
                otherBoard += boardState ? 1 : 0;
                differing += amps || boardState ? 1 : 0;
            }
            if (t >= nextTrace) {
                sample(reading, decision, t, volts, samples);
                lastSample = t;
                while (nextTrace <= t) {
                    nextTrace += s.traceEverySeconds();
                }
            }
            if (s.stopWhenBalanced() && check.balancedAtSeconds() != null) {
                break;
            }
        }
        if (rows > 0 && lastSample != t) {
            sample(reading, decision, t, volts, samples);
        }
        double[] movedAh = new double[movedAs.length];
        double[] lossWh = new double[movedAs.length];
        for (int k = 0; k < movedAh.length; k++) {
            movedAh[k] = movedAs[k] / 3600;
            lossWh[k] = lossJoulesPerPair[k] / 3600;
        }
        if (rows == 0) {
            throw new IllegalArgumentException("replay: " + s.replay() + " has no rows to replay");
        }
        for (int c = 0; c < cells; c++) {
            volts[c] = reading.isValid(c) ? reading.volts(c) : Double.NaN;
        }
        ResultDetails details = check.details(timeline.balancedAtSeconds(), reading.spreadVolts(), volts, null, null,
                lossWh);
        ScenarioResult result = new ScenarioResult(s.name(), model.descriptor().qualifiedName(),
                check.balancedAtSeconds(), t, rows, samples.spread(), movedAh, lossJoules / 3600, 0, Double.NaN,
                timeline.indicators, timeline.pairs, timeline.boards, samples.trace(), engine.events(), details);
        return new ReplayResult(result, rows, compared, otherAmps, otherBoard, differing);
    }

    /** The recording's current row, as the engine's voltage source reads it. */
    private static void readRow(Recording rec, PackReading into) {
        for (int c = 0; c < into.cells(); c++) {
            into.set(c, rec.volts(c), rec.status(c));
        }
        into.setTemperatureCelsius(rec.temperatureCelsius());
    }

    private static void sample(PackReading reading, Decision decision, double t, double[] volts, Samples samples) {
        double[] pairAmps = new double[volts.length - 1];
        for (int c = 0; c < volts.length; c++) {
            volts[c] = reading.volts(c);
        }
        for (int k = 0; k < pairAmps.length; k++) {
            pairAmps[k] = decision.signedAmps(k);
        }
        samples.add(t, reading.maxAdjacentSpreadVolts(), reading.spreadVolts(), volts, null, null, pairAmps);
    }
}
