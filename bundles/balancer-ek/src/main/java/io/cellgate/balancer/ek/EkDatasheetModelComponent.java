package io.cellgate.balancer.ek;

import io.cellgate.api.balancer.BalancerModel;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * The EK-L20S1A 20S board exactly as its datasheet describes it ({@link EkProfile#DATASHEET}); always registered,
 * whatever the configuration.
 */
@Component(service = BalancerModel.class, configurationPolicy = ConfigurationPolicy.IGNORE, property = {
        BalancerModel.MODEL + "=" + EkModel.MODEL_ID,
        BalancerModel.VARIANT + "=" + EkModel.DATASHEET_VARIANT,
        BalancerModel.VENDOR + "=" + EkModel.VENDOR_NAME,
        EkModel.STRINGS + ":Integer=" + EkProfile.DATASHEET_STRINGS })
public class EkDatasheetModelComponent extends EkModel {

    public EkDatasheetModelComponent() {
        super(EkProfile.DATASHEET, DATASHEET_VARIANT);
    }
}
