/**
 * The physics of the simulated pack, in plain Java: open-circuit voltage curves, per-cell parameters, the
 * equivalent-circuit cells with balancer transfers and self-discharge, sensor faults, and a charge ledger.
 * Private to the simulator bundle; the model and its sources are described in docs/simulator.md.
 */
package io.cellgate.sim.model;
