package ${package};

import io.cellgate.api.balancer.BalancerModel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Registers the ${modelId} model as a {@link BalancerModel} service with the properties a pack filters on:
 * {@code cellgate.model=${modelId}}, {@code cellgate.vendor=${vendor}} and {@code cellgate.variant} (from the
 * configuration, {@code datasheet} without one). A pack chooses it with
 * {@code balancer.target=(cellgate.model=${modelId})}.
 */
@Component(service = BalancerModel.class, configurationPid = ${boardClass}ModelComponent.PID, property = {
        BalancerModel.MODEL + "=" + ${boardClass}Model.MODEL_ID,
        BalancerModel.VENDOR + "=" + ${boardClass}Model.VENDOR_NAME,
        BalancerModel.VARIANT + "=" + ${boardClass}Model.DATASHEET_VARIANT })
@Designate(ocd = ${boardClass}Config.class)
public class ${boardClass}ModelComponent extends ${boardClass}Model {

    /** Configuration PID of the component. */
    public static final String PID = "${package}";

    @Activate
    public ${boardClass}ModelComponent(${boardClass}Config config) {
        super(config.cellgate_variant(), checkedMaxAmps(config.max_amps()));
    }

    private static double checkedMaxAmps(double maxAmps) {
        if (!(maxAmps > 0) || Double.isInfinite(maxAmps)) {
            throw new IllegalArgumentException("max.amps=" + maxAmps + " is out of range: a finite current > 0 A");
        }
        return maxAmps;
    }
}
