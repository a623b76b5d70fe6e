package io.cellgate.balancer.passive;

import io.cellgate.api.balancer.BalancerModel;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/** The Libre Solar bms-firmware strategy with its bms_init_config defaults ({@link PassiveProfile#LIBRESOLAR}). */
@Component(service = BalancerModel.class, configurationPolicy = ConfigurationPolicy.IGNORE)
@BuiltInVariant(variant = PassiveModel.LIBRESOLAR_VARIANT)
public class LibreSolarModelComponent extends PassiveModel {

    public LibreSolarModelComponent() {
        super(PassiveProfile.LIBRESOLAR, LIBRESOLAR_VARIANT);
    }
}
