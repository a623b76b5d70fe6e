package io.cellgate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.cellgate.api.balancer.BalancerModel;
import io.cellgate.api.pack.PackReading;
import io.cellgate.api.telemetry.PackListener;
import io.cellgate.api.time.TickClock;
import io.cellgate.sim.model.OcvCurve;
import io.cellgate.sim.model.SimPackSpec;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.felix.service.command.CommandSession;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceRegistration;

/**
 * A passive bleed board balancing a simulated pack in the running gateway: one cell raised by hand, as
 * {@code sim:imbalance} does, is bled down until the pack's spread is below the board's stop threshold, in the
 * simulated time that the bleed current, the cell's capacity and the imbalance predict.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PassiveBleedIT extends TelemetrySupport {

    static final String LIBRE_SOLAR = "(&(cellgate.model=PASSIVE-BLEED)(cellgate.variant=libresolar))";
    static final String PACK = "itp1";
    static final int CELLS = 8;
    static final double CAPACITY_AH = 2.5;
    /** 80 % SOC: an NCM cell at about 4.03 V, above Libre Solar's 3.80 V start gate. */
    static final double SOC_PERCENT = 80;
    static final int RAISED_CELL = 4;
    static final double IMBALANCE_MV = 100;
    static final double TIME_SCALE = 2000;
    static final long TICK_MS = 20;
    /**
     * How far the measured time may stray from the prediction. The prediction's own error is well under 1 %
     * (the bleed current taken at the mean voltage, the RC pair's 30 s settling); a tick is 40 simulated seconds of
     * about 9000.
     */
    static final double MARGIN = 0.05;

    /** One tick of the pack as a whiteboard listener sees it. */
    record Sample(long nanos, double spreadVolts, int bleedingCells) {
    }

    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private ServiceRegistration<PackListener> listener;
    private CommandSession session;

    @Before
    public void setUp() throws Exception {
        listener = context().registerService(PackListener.class, s -> {
            if (PACK.equals(s.pack().id())) {
                PackReading r = s.reading();
                samples.add(new Sample(r.timeNanos(), r.spreadVolts(), s.decision().bleedingCells()));
            }
        }, null);
        session = quietSession();
    }

    @After
    public void tearDown() throws Exception {
        listener.unregister();
        session.close();
    }

    /**
     * The bleed time the physics predicts, in simulated seconds. The raised cell must lose the charge between its
     * open-circuit voltage after the imbalance and the one at which its reading stands {@code stopVolts} above the
     * others: while it bleeds it reads low by its bleed current through its DC resistance (R0 and the RC pair, which
     * settles in a few 30 s time constants), so that open-circuit voltage is {@code stopVolts + I·R} above theirs.
     * The charge follows from the OCV curve and the capacity; the resistor bleeds it at V/R amperes.
     */
    static double predictedSeconds(double othersVolts, double imbalanceVolts, double stopVolts, double resistorOhms) {
        double bleedAmps = (othersVolts + imbalanceVolts) / resistorOhms;
        double startVolts = othersVolts + imbalanceVolts;
        double endVolts = othersVolts + stopVolts + bleedAmps * SimPackSpec.defaultDcResistanceOhms(CAPACITY_AH);
        double charge = (OcvCurve.NCM.soc(startVolts) - OcvCurve.NCM.soc(endVolts)) * CAPACITY_AH * 3600;
        double meanAmps = (startVolts + endVolts) / 2 / resistorOhms;
        return charge / meanAmps;
    }

    @Test
    public void aRaisedCellIsBledBelowTheStopThresholdInThePredictedTime() throws Exception {
        BalancerModel model = service(BalancerModel.class, LIBRE_SOLAR);
        Map<String, Double> figures = model.descriptor().parameters();
        double stopVolts = figures.get("stop.volts");
        double resistorOhms = figures.get("resistor.ohms");
        TickClock clock = service(TickClock.class, "(cellgate.clock=system)");

        track(simulatedPack(PACK, CELLS, "NCM", LIBRE_SOLAR, TICK_MS, Map.of("capacity.ah", CAPACITY_AH,
                "capacity.spread", 0.0, "soc.percent", SOC_PERCENT, "soc.spread.percent", 0.0,
                "self.discharge.percent.per.month", 0.0, "time.scale", TIME_SCALE)));
        await("the even pack to tick", () -> samples.size() >= 5);
        assertTrue("an even pack: " + samples, samples.get(samples.size() - 1).spreadVolts() < 1e-9);
        double othersVolts = awaitPack(PACK).latest().volts(0);

        String said = String.valueOf(session.execute("sim:imbalance " + PACK + " " + RAISED_CELL + " "
                + IMBALANCE_MV));
        long raisedAt = clock.nanoTime();
        assertTrue(said, said.contains("cell " + RAISED_CELL + " moved by +100.0 mV"));

        double predicted = predictedSeconds(othersVolts, IMBALANCE_MV / 1000, stopVolts, resistorOhms);
        long deadline = System.currentTimeMillis() + (long) (predicted * (1 + MARGIN) / TIME_SCALE * 1000) + 10_000;
        Sample balanced = null;
        while (balanced == null && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            balanced = samples.stream().filter(s -> s.nanos() > raisedAt && s.spreadVolts() < stopVolts).findFirst()
                    .orElse(null);
        }
        List<Sample> after = samples.stream().filter(s -> s.nanos() > raisedAt).toList();
        assertTrue("the board bled", after.stream().anyMatch(s -> s.bleedingCells() == 1));
        assertTrue("the raised cell showed: first spread " + after.get(0).spreadVolts() + " V",
                after.get(0).spreadVolts() > IMBALANCE_MV / 1000 - 0.005);
        assertTrue("the spread never fell below " + stopVolts + " V; last " + after.get(after.size() - 1),
                balanced != null);
        double measured = (balanced.nanos() - raisedAt) * 1e-9 * TIME_SCALE;
        System.out.printf("passive bleed, %d mV on cell %d of %d (NCM %.1f Ah, %.0f %% SOC, %.0f ohm): "
                + "predicted %.0f s, measured %.0f s simulated (%+.2f %%)%n", (int) IMBALANCE_MV, RAISED_CELL, CELLS,
                CAPACITY_AH, SOC_PERCENT, resistorOhms, predicted, measured, 100 * (measured / predicted - 1));
        assertEquals("simulated seconds to balance", predicted, measured, MARGIN * predicted);
    }
}
