/**
 * The telemetry whiteboard: services that see every pack after every tick.
 *
 * <p>2.1: {@link io.cellgate.api.telemetry.PackStateBuffer}, a pack state to keep or to fill by hand; 2.2: a pack's
 * fit warnings in its state and view, {@link io.cellgate.api.telemetry.PackListener#onPackRemoved}; 2.3: the pack
 * current in the view, {@link io.cellgate.api.telemetry.PackView#packAmps()}.
 */
@Export
@Version("2.3.0")
package io.cellgate.api.telemetry;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
