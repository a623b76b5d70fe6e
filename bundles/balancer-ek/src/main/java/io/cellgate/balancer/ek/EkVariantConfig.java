package io.cellgate.balancer.ek;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One tuned EK-L20S1A variant, a factory configuration of {@value EkVariantModelComponent#PID}. DS maps a method
 * name's {@code _} to {@code .}: {@code cellgate_variant()} reads the property {@code cellgate.variant}, which also
 * becomes the service property a pack filters on. Defaults are the datasheet's figures; a variant may tighten the
 * board's limits, never widen them.
 */
@ObjectClassDefinition(id = EkVariantModelComponent.PID, name = "EK-L20S1A variant",
        description = "A tuned profile of the Enerkey EK-L20S1A inductive adjacent balancer, e.g. for LFP.")
@interface EkVariantConfig {

    @AttributeDefinition(name = "Variant", description = "Name packs choose the variant by (cellgate.variant): "
            + "1 to 64 letters, digits, '-' or '_'; 'datasheet' is taken by the datasheet board.")
    String cellgate_variant();

    @AttributeDefinition(name = "Strings", min = "2", max = "24",
            description = "Cells one board is wired for: \"Supports 2 to 24 battery strings\".")
    int cellgate_strings() default 20;

    @AttributeDefinition(name = "Trigger (mV)", min = "2", max = "1500",
            description = "An idle pair starts above this difference; datasheet: \">0.1V\".")
    int trigger_mv() default 100;

    @AttributeDefinition(name = "Stop (mV)", min = "1",
            description = "A balancing pair stops at or below this difference, and the board sleeps below it; "
                    + "datasheet: \"≤0.03V\". Must be below the trigger.")
    int stop_mv() default 30;

    @AttributeDefinition(name = "Current slope (A/V)",
            description = "Balance current per volt of difference; datasheet: \"0.05V ... 0.5A\".")
    double amps_per_volt() default 10;

    @AttributeDefinition(name = "Maximum current (A)",
            description = "Ceiling of the balance current, at most the datasheet's \"maximum balancing current of 1A\".")
    double max_amps() default 1.0;

    @AttributeDefinition(name = "Lowest cell voltage (V)",
            description = "Cells below it flash; within the datasheet's \"Cell Voltage Working Range 3.0-4.5V\".")
    double min_cell_volts() default 3.0;

    @AttributeDefinition(name = "Highest cell voltage (V)",
            description = "Cells above it flash; within the datasheet's \"Cell Voltage Working Range 3.0-4.5V\".")
    double max_cell_volts() default 4.5;

    @AttributeDefinition(name = "Lowest temperature (°C)",
            description = "Colder, the board stops; within the datasheet's \"Working Temperature -20°C - +60°C\".")
    double min_celsius() default -20;

    @AttributeDefinition(name = "Highest temperature (°C)",
            description = "Hotter, the board stops; within the datasheet's \"Working Temperature -20°C - +60°C\".")
    double max_celsius() default 60;
}
