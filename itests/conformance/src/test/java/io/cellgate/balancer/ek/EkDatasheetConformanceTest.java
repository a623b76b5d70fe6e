package io.cellgate.balancer.ek;

import io.cellgate.api.balancer.BalancerModel;
import io.cellgate.balancer.tck.BalancerConformanceTest;

/** The conformance kit on the EK-L20S1A exactly as its datasheet describes it, the gateway's always-present model. */
class EkDatasheetConformanceTest extends BalancerConformanceTest {

    @Override
    protected BalancerModel model() {
        return new EkModel();
    }
}
