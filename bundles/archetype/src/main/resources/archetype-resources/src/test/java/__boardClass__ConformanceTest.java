package ${package};

import io.cellgate.api.balancer.BalancerModel;
import io.cellgate.balancer.tck.BalancerConformanceTest;

/**
 * The Cellgate balancer conformance kit on the ${modelId} model: every check of the platform's contract runs
 * against it. A check the kit cannot apply (a parameter the model does not declare) is skipped with the reason.
 */
class ${boardClass}ConformanceTest extends BalancerConformanceTest {

    @Override
    protected BalancerModel model() {
        return new ${boardClass}Model(${boardClass}Model.DATASHEET_VARIANT, 1.0);
    }
}
