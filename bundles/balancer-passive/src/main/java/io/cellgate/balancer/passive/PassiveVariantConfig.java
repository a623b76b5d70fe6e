package io.cellgate.balancer.passive;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One configured passive bleed variant, a factory configuration of {@value PassiveVariantModelComponent#PID}. DS
 * maps a method name's {@code _} to {@code .}. Defaults are the foxBMS 2 figures with a 33 Ω resistor.
 */
@ObjectClassDefinition(id = PassiveVariantModelComponent.PID, name = "Passive bleed variant",
        description = "A passive resistive-bleed board: bleeds each cell standing a threshold above the lowest cell.")
@interface PassiveVariantConfig {

    @AttributeDefinition(name = "Variant", description = "Name packs choose the variant by (cellgate.variant): "
            + "1 to 64 letters, digits, '-' or '_'; 'foxbms' and 'libresolar' are taken by the built-in ones.")
    String cellgate_variant();

    @AttributeDefinition(name = "Trigger (mV)", min = "1", max = "1500",
            description = "An idle board starts when a cell stands more than this above the lowest; foxBMS: 400 "
                    + "(200 mV threshold plus 200 mV hysteresis), Libre Solar: 10.")
    int trigger_mv() default 400;

    @AttributeDefinition(name = "Stop (mV)", min = "0",
            description = "A started board bleeds every cell more than this above the lowest; at most the trigger. "
                    + "foxBMS: 200, Libre Solar: 10.")
    int stop_mv() default 200;

    @AttributeDefinition(name = "Resistor (Ω)", description = "Bleed resistor per cell: I = V / R. 1 to 1000 Ω.")
    double resistor_ohms() default PassiveProfile.DEFAULT_RESISTOR_OHMS;

    @AttributeDefinition(name = "Lower limit, NCM (V)",
            description = "Nothing bleeds while the lowest NCM cell is at or below it; foxBMS: 2.0.")
    double min_cell_volts_ncm() default 2.0;

    @AttributeDefinition(name = "Lower limit, LFP (V)",
            description = "Nothing bleeds while the lowest LFP cell is at or below it; foxBMS: 2.0.")
    double min_cell_volts_lfp() default 2.0;

    @AttributeDefinition(name = "Start gate, NCM (V)", description = "Bleed only while the highest NCM cell is "
            + "above it; Libre Solar: 3.80; 0 for no gate (foxBMS).")
    double start_cell_volts_ncm() default 0;

    @AttributeDefinition(name = "Start gate, LFP (V)", description = "Bleed only while the highest LFP cell is "
            + "above it; Libre Solar: 3.30; 0 for no gate (foxBMS).")
    double start_cell_volts_lfp() default 0;

    @AttributeDefinition(name = "Highest cell voltage (V)",
            description = "A cell above it flashes and never bleeds; at most 4.5 V.")
    double max_cell_volts() default 4.5;

    @AttributeDefinition(name = "Temperature limit (°C)",
            description = "At or above it nothing bleeds; foxBMS: 70, Libre Solar: 45. -20 to 85 °C.")
    double max_celsius() default 70;
}
