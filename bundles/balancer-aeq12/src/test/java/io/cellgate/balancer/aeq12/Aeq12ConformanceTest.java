package io.cellgate.balancer.aeq12;

import io.cellgate.api.balancer.BalancerModel;
import io.cellgate.balancer.tck.BalancerConformanceTest;

/** The conformance kit on the board as its listing describes it. */
class Aeq12ConformanceTest extends BalancerConformanceTest {

    @Override
    protected BalancerModel model() {
        return new Aeq12Model();
    }
}
