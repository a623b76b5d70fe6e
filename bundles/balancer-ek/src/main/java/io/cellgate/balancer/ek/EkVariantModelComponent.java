package io.cellgate.balancer.ek;

import io.cellgate.api.balancer.BalancerModel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * A tuned EK-L20S1A variant, one per factory configuration of {@value #PID} (see {@link EkVariantConfig}). The
 * configuration's {@code cellgate.variant} and {@code cellgate.strings} become service properties beside
 * {@code cellgate.model} and {@code cellgate.vendor}.
 *
 * <p>A configuration outside the board's limits never gets here: {@link EkVariantGate} refuses it first, logging
 * the property, its value and its allowed range once (see {@link EkVariantValidator}). The constructor checks again
 * for a Configuration Admin that runs no plugins.
 */
@Component(service = BalancerModel.class, configurationPid = EkVariantModelComponent.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true, property = {
                BalancerModel.MODEL + "=" + EkModel.MODEL_ID,
                BalancerModel.VENDOR + "=" + EkModel.VENDOR_NAME })
@Designate(ocd = EkVariantConfig.class, factory = true)
public class EkVariantModelComponent extends EkModel {

    /** Factory PID of the variant configurations. */
    public static final String PID = "io.cellgate.balancer.ek.variant";

    @Activate
    public EkVariantModelComponent(EkVariantConfig config) {
        super(EkVariantValidator.toProfile(config), EkVariantValidator.variantName(config));
    }
}
