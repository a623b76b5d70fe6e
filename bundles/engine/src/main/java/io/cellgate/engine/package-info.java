/**
 * The tick of one pack as plain Java: read, validate, decide, check, drive, publish. No OSGi types here, so that
 * the same engine runs in the gateway, headless in the scenario and replay runners, in tests and in benchmarks.
 */
@Export
@Version("1.0.0")
package io.cellgate.engine;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
