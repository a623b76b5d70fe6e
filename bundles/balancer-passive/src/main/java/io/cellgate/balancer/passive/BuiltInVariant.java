package io.cellgate.balancer.passive;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * The service properties of a variant built into this bundle, {@code cellgate.model}, {@code cellgate.vendor} and
 * {@code cellgate.variant}, by which a pack's {@code balancer.target} chooses it: one place for the model's name and
 * vendor, so that each built-in variant names only itself.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@interface BuiltInVariant {

    /** Element {@code model} is the service property {@code cellgate.model}, and so on. */
    String PREFIX_ = "cellgate.";

    String model() default PassiveModel.MODEL_ID;

    String vendor() default PassiveModel.VENDOR_NAME;

    String variant();
}
