/**
 * Test doubles of the API, so that a plugin or an exporter is tested without a framework: a pack state to hand to
 * a listener, and a running pack to show a tool. They ship in their own artifact, {@code io.cellgate.api.testing},
 * for test scope; the gateway never runs them.
 *
 * <p>3.0: moved out of the API bundle; {@code DummyPackState} makes {@link io.cellgate.api.telemetry.PackStateBuffer}s.
 * 3.1: {@code LogLines}, a log that keeps its lines; {@code AllocationMeter}, the bytes a call allocates.
 * 3.2: {@code FileInstallConfig}, a configuration as FileInstall delivers it from a {@code .cfg} file;
 * {@code ManualTickClock}, a clock moved and ticked by hand. 3.3: {@code FixedLedgers}, the insight's ledgers fixed.
 */
@Export
@Version("3.3.0")
package io.cellgate.api.testing;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
