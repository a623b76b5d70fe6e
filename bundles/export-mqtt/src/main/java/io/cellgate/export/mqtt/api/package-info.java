/** What an MQTT exporter tells other bundles: its link to the broker and what it dropped during outages. */
@Export
@Version("1.0.0")
package io.cellgate.export.mqtt.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
