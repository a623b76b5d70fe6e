/**
 * A 1.2 A adjacent inductive active equalizer ({@value io.cellgate.balancer.aeq12.Aeq12Model#MODEL_ID}) as its
 * product listing describes it: 0.5-0.7 A at 0.1 V, 1.2 A at 0.2 V, 2.0-4.5 V per cell. Private to the bundle: other
 * bundles see only the {@link io.cellgate.api.balancer.BalancerModel} service. See the bundle's README.md.
 */
package io.cellgate.balancer.aeq12;
