package io.cellgate.balancer.passive;

import io.cellgate.api.balancer.BalancerModel;
import io.cellgate.balancer.tck.BalancerConformanceTest;

/** The conformance kit on the built-in foxBMS variant. */
class FoxbmsConformanceTest extends BalancerConformanceTest {

    @Override
    protected BalancerModel model() {
        return new FoxbmsModelComponent();
    }
}
