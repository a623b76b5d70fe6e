package io.cellgate.balancer.passive;

import io.cellgate.api.balancer.BalancerModel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * A configured passive bleed variant, one per factory configuration of {@value #PID} (see
 * {@link PassiveVariantConfig}), e.g. the file {@code config/io.cellgate.balancer.passive.variant-<name>.cfg}. A
 * configuration out of range never gets here: {@link PassiveVariantGate} refuses it first, logging the property, its
 * value and its range once; the constructor checks again for a Configuration Admin that runs no plugins.
 */
@Component(service = BalancerModel.class, configurationPid = PassiveVariantModelComponent.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true, property = {
                BalancerModel.MODEL + "=" + PassiveModel.MODEL_ID,
                BalancerModel.VENDOR + "=" + PassiveModel.VENDOR_NAME })
@Designate(ocd = PassiveVariantConfig.class, factory = true)
public class PassiveVariantModelComponent extends PassiveModel {

    /** Factory PID of the variant configurations. */
    public static final String PID = "io.cellgate.balancer.passive.variant";

    @Activate
    public PassiveVariantModelComponent(PassiveVariantConfig config) {
        super(PassiveVariantValidator.toProfile(config), PassiveVariantValidator.variantName(config));
    }
}
