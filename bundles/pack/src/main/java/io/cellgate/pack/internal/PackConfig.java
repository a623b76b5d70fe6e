package io.cellgate.pack.internal;

import io.cellgate.api.balancer.BalancerModel;
import io.cellgate.api.runtime.PackProperties;
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

    @AttributeDefinition(name = "Start-up grace (ms)", min = "0", max = "600000",
            description = "How long a pack just started waits for its voltage source, outputs off, before a missing "
                    + "source is a fault; 0 to 600000 ms.")
    long startup_grace_ms() default PackSettings.DEFAULT_STARTUP_GRACE_MS;

    @AttributeDefinition(name = "Stall deadline (ticks)", min = "2", max = "1000",
            description = "Tick periods without a completed tick before the watchdog turns the balance outputs off "
                    + "and the pack reads STALLED; never less than 1 s; 2 to 1000.")
    int stall_ticks() default PackSettings.STALL_TICKS;

    @AttributeDefinition(name = "Balancer", description = "Filter choosing the balancer model service.")
    String balancer_target() default "(" + BalancerModel.MODEL + "=EK-L20S1A)";

    // No defaults here: a fixed one would tie every pack to one pack's drivers; PackIdDefaults fills them in.
    @AttributeDefinition(name = "Voltage source", required = false,
            description = "Filter choosing the cell-voltage source; left out: (" + PackProperties.PACK + "=<pack id>).")
    String source_target();

    @AttributeDefinition(name = "Balance outputs", required = false,
            description = "Filter choosing the balance output driver; left out: (" + PackProperties.PACK
                    + "=<pack id>).")
    String outputs_target();

    @AttributeDefinition(name = "Indicators", required = false,
            description = "Filter choosing the indicator LED driver; left out: (" + PackProperties.PACK
                    + "=<pack id>).")
    String indicators_target();

    @AttributeDefinition(name = "Clock", description = "Filter choosing the tick clock.")
    String clock_target() default "(cellgate.clock=system)";
}
