package io.cellgate.balancer.passive;

import io.cellgate.gate.GateActivator;
import org.osgi.annotation.bundle.Header;
import org.osgi.framework.Constants;

/**
 * Checks each configuration of {@link PassiveVariantModelComponent} before SCR hands it over ({@link GateActivator}): a variant refused is
 * logged once per change of its file and never activated, so it registers no model and no listing of the models makes SCR try it again.
 */
@Header(name = Constants.BUNDLE_ACTIVATOR, value = "${@class}")
public final class PassiveVariantGate extends GateActivator {

    public PassiveVariantGate() {
        super(PassiveModel.MODEL_ID + " variant", "cellgate.variant", PassiveVariantValidator::check, PassiveVariantModelComponent.PID);
    }
}
