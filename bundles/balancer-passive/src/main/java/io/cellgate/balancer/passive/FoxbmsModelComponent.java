package io.cellgate.balancer.passive;

import io.cellgate.api.balancer.BalancerModel;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/** The foxBMS 2 voltage-based strategy with its bal_cfg.h defaults ({@link PassiveProfile#FOXBMS}); always there. */
@Component(service = BalancerModel.class, configurationPolicy = ConfigurationPolicy.IGNORE)
@BuiltInVariant(variant = PassiveModel.FOXBMS_VARIANT)
public class FoxbmsModelComponent extends PassiveModel {

    public FoxbmsModelComponent() {
        super(PassiveProfile.FOXBMS, FOXBMS_VARIANT);
    }
}
