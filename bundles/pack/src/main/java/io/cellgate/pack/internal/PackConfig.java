package io.cellgate.pack.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** One pack: what it is, how often it ticks, and which services it uses (LDAP filters on their properties). */
@ObjectClassDefinition(name = "Cellgate pack", description = "One battery pack controlled by the gateway.")
@interface PackConfig {

    @AttributeDefinition(name = "Pack id", description = "Letters, digits, '-' and '_'; used in topics and labels.")
    String pack_id();

    @AttributeDefinition(name = "Cells", description = "Cells in series, 2 to 48.", min = "2", max = "48")
    int cells() default 20;

    @AttributeDefinition(name = "Chemistry", options = {@Option(label = "NCM", value = "NCM"),
            @Option(label = "LFP", value = "LFP")})
    String chemistry() default "NCM";

    @AttributeDefinition(name = "Tick period (ms)", description = "10 to 60000 ms.", min = "10", max = "60000")
    long tick_ms() default 100;

    @AttributeDefinition(name = "Balancer", description = "Filter choosing the balancer model service.")
    String balancer_target() default "(cellgate.model=EK-L20S1A)";

    @AttributeDefinition(name = "Voltage source", description = "Filter choosing the cell-voltage source.")
    String source_target() default "(cellgate.pack=pack1)";

    @AttributeDefinition(name = "Balance outputs", description = "Filter choosing the balance output driver.")
    String outputs_target() default "(cellgate.pack=pack1)";

    @AttributeDefinition(name = "Indicators", description = "Filter choosing the indicator LED driver.")
    String indicators_target() default "(cellgate.pack=pack1)";

    @AttributeDefinition(name = "Clock", description = "Filter choosing the tick clock.")
    String clock_target() default "(cellgate.clock=system)";
}
