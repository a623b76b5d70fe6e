package io.cellgate.sim.scenario;

import io.cellgate.api.balancer.BalancerModel;
import io.cellgate.balancer.ek.EkModel;
import io.cellgate.balancer.ek.EkProfile;

/** The models the shipped scenarios name, as the gateway registers them. */
final class Models {

    private Models() {
    }

    static BalancerModel resolve(Scenario s) {
        return switch (s.balancer()) {
            case "EK-L20S1A/datasheet", "EK-L20S1A" -> new EkModel(EkProfile.DATASHEET, "datasheet");
            // The values of config/io.cellgate.balancer.ek.variant-lfp.cfg: 40 mV trigger, 10 mV stop, 16 strings.
            case "EK-L20S1A/lfp" -> new EkModel(new EkProfile(0.040, 0.010, EkProfile.DATASHEET.ampsPerVolt(),
                    EkProfile.DATASHEET.maxAmps(), EkProfile.DATASHEET.minCellVolts(),
                    EkProfile.DATASHEET.maxCellVolts(), EkProfile.DATASHEET.minCelsius(),
                    EkProfile.DATASHEET.maxCelsius(), EkProfile.DATASHEET.quiescentAmps(),
                    EkProfile.DATASHEET.activeDrawAmps(), 16), "lfp");
            default -> throw new IllegalArgumentException("no model " + s.balancer());
        };
    }
}
