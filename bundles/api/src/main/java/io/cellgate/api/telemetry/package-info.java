/** The telemetry whiteboard: services that see every pack after every tick. */
@Export
@Version("2.1.0")
package io.cellgate.api.telemetry;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
