package io.cellgate.sim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellgate.api.balancer.Decision;
import io.cellgate.api.pack.Chemistry;
import org.junit.jupiter.api.Test;

/** The RC pair follows τ = R1·C1 exactly for piecewise constant current, however the time is stepped. */
class RcRelaxationTest {

    private static final double AMPS = 2.0;
    private static final double ONE_MINUS_INVERSE_E = 1 - Math.exp(-1);

    @Test
    void afterOneTauTheRcVoltageReachesOneMinusOneOverE() {
        for (double dt : new double[] {0.1, 1.0, 30.0}) {
            SimPack pack = new SimPack(IdealPacks.identical(2, Chemistry.NCM, 2.5, 0.7).build());
            double r1 = pack.r1Ohms(0);
            assertEquals(SimPackSpec.defaultDcResistanceOhms(2.5) * 0.6, r1, 1e-15);
            int steps = (int) Math.round(30 / dt);
            Decision idle = new Decision(2);
            for (int s = 0; s < steps; s++) {
                pack.step(dt, AMPS, idle);
            }
            double settled = r1 * AMPS;
            assertEquals(settled * ONE_MINUS_INVERSE_E, pack.rcVolts(0), 1e-12 * settled, "dt=" + dt);
            assertEquals(pack.openCircuitVolts(0) - pack.r0Ohms(0) * AMPS - pack.rcVolts(0),
                    pack.terminalVolts(0), 1e-15);

            // current off: R0's drop vanishes at once, the RC pair relaxes by 1/e per τ
            double atStep = pack.rcVolts(0);
            for (int s = 0; s < steps; s++) {
                pack.step(dt, 0, idle);
            }
            assertEquals(atStep * Math.exp(-1), pack.rcVolts(0), 1e-12 * settled, "dt=" + dt);
            assertEquals(pack.openCircuitVolts(0) - pack.rcVolts(0), pack.terminalVolts(0), 1e-15);
        }
    }

    @Test
    void tauComesFromTheSpec() {
        SimPack pack = new SimPack(IdealPacks.identical(2, Chemistry.LFP, 2.5, 0.5).tauSeconds(10).build());
        Decision idle = new Decision(2);
        for (int s = 0; s < 100; s++) {
            pack.step(0.1, -1.0, idle);
        }
        assertEquals(-pack.r1Ohms(0) * ONE_MINUS_INVERSE_E, pack.rcVolts(0), 1e-14);
    }
}
