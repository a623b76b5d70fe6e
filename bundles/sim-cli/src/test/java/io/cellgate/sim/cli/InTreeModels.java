package io.cellgate.sim.cli;

import io.cellgate.api.balancer.BalancerModel;
import io.cellgate.balancer.aeq12.Aeq12Model;
import io.cellgate.balancer.ek.EkModel;
import io.cellgate.balancer.ek.EkProfile;
import io.cellgate.balancer.passive.FoxbmsModelComponent;
import io.cellgate.balancer.passive.LibreSolarModelComponent;
import java.util.List;

/** Every model the repository builds, as the gateway registers them (the EK variants as config/ has them). */
final class InTreeModels {

    private InTreeModels() {
    }

    static final EkProfile D = EkProfile.DATASHEET;

    /** config/io.cellgate.balancer.ek.variant-tight.cfg: 60 mV trigger, 20 mV stop, 20 strings. */
    static final BalancerModel EK_TIGHT = new EkModel(new EkProfile(0.060, 0.020, D.ampsPerVolt(), D.maxAmps(),
            D.minCellVolts(), D.maxCellVolts(), D.minCelsius(), D.maxCelsius(), D.quiescentAmps(), D.activeDrawAmps(),
            20), "tight");
    /** config/io.cellgate.balancer.ek.variant-lfp.cfg: 40 mV trigger, 10 mV stop, 16 strings. */
    static final BalancerModel EK_LFP = new EkModel(new EkProfile(0.040, 0.010, D.ampsPerVolt(), D.maxAmps(),
            D.minCellVolts(), D.maxCellVolts(), D.minCelsius(), D.maxCelsius(), D.quiescentAmps(), D.activeDrawAmps(),
            16), "lfp");

    static List<BalancerModel> all() {
        return List.of(new EkModel(), EK_TIGHT, EK_LFP, new Aeq12Model(), new FoxbmsModelComponent(),
                new LibreSolarModelComponent());
    }
}
