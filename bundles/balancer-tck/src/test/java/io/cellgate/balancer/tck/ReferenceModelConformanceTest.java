package io.cellgate.balancer.tck;

import io.cellgate.api.balancer.BalancerModel;

/** The kit run on a model that keeps the contract: every check passes. */
class ReferenceModelConformanceTest extends BalancerConformanceTest {

    @Override
    protected BalancerModel model() {
        return new ReferenceModel();
    }
}
