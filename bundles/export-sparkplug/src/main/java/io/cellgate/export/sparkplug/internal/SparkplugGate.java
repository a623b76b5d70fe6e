package io.cellgate.export.sparkplug.internal;

import io.cellgate.gate.GateActivator;
import java.util.Map;
import org.osgi.annotation.bundle.Header;
import org.osgi.framework.Constants;

/**
 * Checks each configuration of {@link SparkplugNode} before SCR hands it over ({@link GateActivator}): one refused is
 * logged once per change of its file and never activated; a password written inline is refused and kept out of SCR and
 * Config Admin's store.
 */
@Header(name = Constants.BUNDLE_ACTIVATOR, value = "${@class}")
public final class SparkplugGate extends GateActivator {

    public SparkplugGate() {
        super("Sparkplug node", "broker.url", SparkplugSettings::check, SparkplugNode.PID, Map.of(".password",
                "password.file", ".tls.truststore.password", "tls.truststore.password.file"));
    }
}
