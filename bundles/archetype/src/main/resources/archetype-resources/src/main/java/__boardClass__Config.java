package ${package};

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The ${modelId} component's configuration, PID {@code ${package}}, e.g. a file
 * {@code config/${package}.cfg} in the gateway. DS maps a method name's {@code _} to {@code .}: {@code max_amps()}
 * reads the property {@code max.amps}. Without a configuration the defaults below apply.
 */
@ObjectClassDefinition(id = ${boardClass}ModelComponent.PID, name = "${vendor} ${modelId}",
        description = "The ${modelId} balancer board model.")
@interface ${boardClass}Config {

    @AttributeDefinition(name = "Variant", description = "The cellgate.variant packs choose the model by.")
    String cellgate_variant() default ${boardClass}Model.DATASHEET_VARIANT;

    @AttributeDefinition(name = "Maximum current (A)", description = "TODO: the datasheet's maximum balance current.")
    double max_amps() default 1.0;
}
