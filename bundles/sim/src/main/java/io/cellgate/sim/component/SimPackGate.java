package io.cellgate.sim.component;

import io.cellgate.gate.GateActivator;
import org.osgi.annotation.bundle.Header;
import org.osgi.framework.Constants;

/**
 * Checks each configuration of {@link SimulatedPack} before SCR hands it over ({@link GateActivator}): a simulated pack refused is
 * logged once per change of its file and never activated, so it registers no driver and no listing makes SCR try it again.
 */
@Header(name = Constants.BUNDLE_ACTIVATOR, value = "${@class}")
public final class SimPackGate extends GateActivator {

    public SimPackGate() {
        super("simulated pack", "cellgate.pack", SimulatedPack.Settings::check, SimulatedPack.PID);
    }
}
