/**
 * Scenarios: a JSON file names a pack, a balancer model, a load profile and faults; the runner plays it on the
 * simulator as fast as the machine goes and writes a JSON result. Same file, same result. A scenario may replay a
 * recorded pack instead of the physics (1.1: {@link io.cellgate.sim.scenario.ReplayRunner}). A run may stream its
 * trace to the result file instead of holding it (2.1). A result carries its {@link
 * io.cellgate.sim.scenario.ResultDetails}: balanced by the model's stop threshold, warnings, the charge of every cell,
 * the board's time and energy (2.2). A streamed run may keep a bounded, evenly spaced part of its trace to draw
 * from (2.3).
 */
@Export
@Version("2.3.0")
package io.cellgate.sim.scenario;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
