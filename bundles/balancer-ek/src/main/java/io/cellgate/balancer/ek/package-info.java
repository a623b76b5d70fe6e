/**
 * The Enerkey EK-L20S1A inductive adjacent active balancer, as its datasheet (V1.0) describes it: the always present
 * {@link io.cellgate.balancer.ek.EkModel datasheet board} and configurable
 * {@link io.cellgate.balancer.ek.EkVariantModelComponent variants}. Private to the bundle: other bundles see only the
 * {@link io.cellgate.api.balancer.BalancerModel} services. See {@code docs/ek-l20s1a.md}.
 */
package io.cellgate.balancer.ek;
