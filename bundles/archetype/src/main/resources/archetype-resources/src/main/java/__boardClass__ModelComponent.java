package ${package};

import io.cellgate.api.balancer.Balancer;
import io.cellgate.api.balancer.BalancerModel;
import io.cellgate.api.balancer.ModelDescriptor;
import io.cellgate.api.pack.PackDescription;
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
public class ${boardClass}ModelComponent implements BalancerModel {

    /** Configuration PID of the component. */
    public static final String PID = "${package}";

    private final ${boardClass}Model model;

    @Activate
    public ${boardClass}ModelComponent(${boardClass}Config config) {
        if (!(config.max_amps() > 0) || Double.isInfinite(config.max_amps())) {
            throw new IllegalArgumentException("max.amps=" + config.max_amps() + " is out of range: a finite "
                    + "current > 0 A");
        }
        model = new ${boardClass}Model(config.cellgate_variant(), config.max_amps());
    }

    @Override
    public ModelDescriptor descriptor() {
        return model.descriptor();
    }

    @Override
    public Balancer create(PackDescription pack) {
        return model.create(pack);
    }
}
