package io.cellgate.balancer.aeq12;

import io.cellgate.api.balancer.BalancerModel;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/** The 1.2 A adjacent equalizer exactly as its listing describes it ({@link Aeq12Profile#LISTING}); always there. */
@Component(service = BalancerModel.class, configurationPolicy = ConfigurationPolicy.IGNORE, property = {
        BalancerModel.MODEL + "=" + Aeq12Model.MODEL_ID,
        BalancerModel.VARIANT + "=" + Aeq12Model.LISTING_VARIANT,
        BalancerModel.VENDOR + "=" + Aeq12Model.VENDOR_NAME })
public class Aeq12ModelComponent extends Aeq12Model {

    public Aeq12ModelComponent() {
        super(Aeq12Profile.LISTING, LISTING_VARIANT);
    }
}
