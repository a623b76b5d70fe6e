/**
 * The simulator as the gateway sees it: a simulated pack per configuration, behind the same driver services as
 * hardware, and its Gogo commands.
 */
package io.cellgate.sim.component;
