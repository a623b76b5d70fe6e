/**
 * Scenarios: a JSON file names a pack, a balancer model, a load profile and faults; the runner plays it on the
 * simulator as fast as the machine goes and writes a JSON result. Same file, same result.
 */
@Export
@Version("1.0.0")
package io.cellgate.sim.scenario;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
