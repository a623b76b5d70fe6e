package io.cellgate.sim.component;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** A simulated pack: its cells, their charge, what loads it, and how fast its time runs. */
@ObjectClassDefinition(name = "Cellgate simulated pack",
        description = "A physically modelled pack that serves as voltage source, balance output and LEDs.")
@interface SimPackConfig {

    @AttributeDefinition(name = "Pack id", description = "The pack this simulation stands in for.")
    String cellgate_pack();

    @AttributeDefinition(name = "Cells", min = "2", max = "48")
    int cells() default 20;

    @AttributeDefinition(name = "Chemistry", options = {@Option(label = "NCM", value = "NCM"),
            @Option(label = "LFP", value = "LFP")})
    String chemistry() default "NCM";

    @AttributeDefinition(name = "Capacity (Ah)", description = "Nominal capacity of each cell.")
    double capacity_ah() default 2.5;

    @AttributeDefinition(name = "Initial state of charge (%)", min = "0", max = "100")
    double soc_percent() default 60;

    @AttributeDefinition(name = "Initial SOC spread (%)", description = "Standard deviation between cells.")
    double soc_spread_percent() default 5;

    @AttributeDefinition(name = "Seed", description = "Same seed, same pack.")
    long seed() default 1;

    @AttributeDefinition(name = "Capacity spread", description = "Relative standard deviation of the cells' "
            + "capacities (published cell-to-cell measurements: 0.2-0.3 %).")
    double capacity_spread() default 0.0025;

    @AttributeDefinition(name = "Self-discharge (%/month)")
    double self_discharge_percent_per_month() default 2;

    @AttributeDefinition(name = "Load (A)", description = "Pack current: positive discharges, negative charges.")
    double load_amps() default 0;

    @AttributeDefinition(name = "Load profile (CSV)", required = false, description = "A file of 'seconds,amps' "
            + "lines: a step schedule in simulated time, the last step holding; overrides load.amps until sim:load is used.")
    String load_csv() default "";

    @AttributeDefinition(name = "Time scale", description = "Simulated seconds per real second, 0.001 to 100000.")
    double time_scale() default 1;

    @AttributeDefinition(name = "Balancer efficiency", description = "Share of the donor's charge that arrives.")
    double efficiency() default 0.85;

    @AttributeDefinition(name = "Reading noise (mV)", description = "Standard deviation of the ADC noise.")
    double noise_mv() default 0;
}
