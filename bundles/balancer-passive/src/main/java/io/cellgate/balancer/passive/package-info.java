/**
 * A passive resistive-bleed balancer board after two published open-source strategies, foxBMS 2's voltage-based
 * balancing and Libre Solar's bms-firmware: the built-in {@link io.cellgate.balancer.passive.FoxbmsModelComponent
 * foxbms} and {@link io.cellgate.balancer.passive.LibreSolarModelComponent libresolar} variants and configurable
 * {@link io.cellgate.balancer.passive.PassiveVariantModelComponent variants}. Private to the bundle: other bundles see
 * only the {@link io.cellgate.api.balancer.BalancerModel} services. See the bundle's README.md.
 */
package io.cellgate.balancer.passive;
