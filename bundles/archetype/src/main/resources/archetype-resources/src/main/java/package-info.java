/**
 * The ${vendor} ${modelId} balancer board plugin for Cellgate. Private to the bundle: the gateway sees only the
 * {@link io.cellgate.api.balancer.BalancerModel} service.
 */
package ${package};
