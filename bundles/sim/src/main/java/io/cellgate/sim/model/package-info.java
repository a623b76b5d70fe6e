/**
 * The physics of the simulated pack, in plain Java: open-circuit voltage curves, per-cell parameters, the
 * equivalent-circuit cells with balancer transfers and self-discharge, sensor faults, and a charge ledger.
 * Exported for scenario tools and conformance tests; the model and its sources are described in
 * docs/simulator.md. 2.1: {@code SimPack.fadeCapacity}, a cell that ages; {@code OcvCurve} reads the API's one
 * curve, {@link io.cellgate.api.pack.OcvCurve}; the
 * ledger's loss and bleed energy per pair and per cell.
 */
@Export
@Version("2.1.0")
package io.cellgate.sim.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
