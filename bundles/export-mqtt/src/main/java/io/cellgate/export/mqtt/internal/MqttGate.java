package io.cellgate.export.mqtt.internal;

import io.cellgate.gate.GateActivator;
import java.util.Map;
import org.osgi.annotation.bundle.Header;
import org.osgi.framework.Constants;

/**
 * Checks each configuration of {@link MqttExporter} before SCR hands it over ({@link GateActivator}): an exporter refused is
 * logged once per change of its file and never activated, so no pack binding its listener and no scrape makes SCR try it again.
 * A password written inline is refused and kept out of SCR and Config Admin's store ({@code InlineSecrets}).
 */
@Header(name = Constants.BUNDLE_ACTIVATOR, value = "${@class}")
public final class MqttGate extends GateActivator {

    public MqttGate() {
        super("MQTT exporter", "broker.url", MqttSettings::check, MqttExporter.PID, Map.of(".password",
                "password.file", ".tls.truststore.password", "tls.truststore.password.file"));
    }
}
