package io.cellgate.insight;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One pack's insight: rest, weak cell, and its alerts. Optional: a pack without one runs on the defaults. */
@ObjectClassDefinition(name = "Cellgate pack insight", description = "How the insight reads one pack (rest, a weak "
        + "cell) and which alerts it raises. One file per pack: config/io.cellgate.insight.pack-<pack>.cfg.")
@interface PackInsightConfig {

    @AttributeDefinition(name = "Pack", description = "The id of the pack this configures, e.g. pack1.")
    String pack_id();

    @AttributeDefinition(name = "Rated capacity (Ah)", description = "The cells' rated capacity: the state of charge "
            + "while current flows before a capacity is measured. 0 (the default): not known. 0 to 100000 Ah.",
            min = "0", max = "100000")
    double capacity_ah() default 0;

    @AttributeDefinition(name = "Rest (s)", description = "How long the pack current must stay below rest.amps, and "
            + "a cell's pairs idle, before its voltage counts as its open-circuit voltage. 10 to 86400 s.",
            min = "10", max = "86400")
    double rest_s() default 1800;

    @AttributeDefinition(name = "Rest current (A)", description = "A pack current below this, either way, counts as "
            + "none. 0 to 1000 A.", min = "0", max = "1000")
    double rest_amps() default 0.05;

    @AttributeDefinition(name = "Swing for a capacity (%)", description = "How far apart in charge two rest points "
            + "must be to measure a capacity. 5 to 90 %.", min = "5", max = "90")
    double min_swing_percent() default 30;

    @AttributeDefinition(name = "Weak capacity (%)", description = "A cell this far below the median cell's capacity "
            + "is the weak cell. 1 to 50 %.", min = "1", max = "50")
    double weak_capacity_percent() default 5;

    @AttributeDefinition(name = "Weak self-discharge (times)", description = "A cell losing charge this many times as "
            + "fast as the median cell is the weak cell. 1.5 to 100.", min = "1.5", max = "100")
    double weak_self_discharge_factor() default 3;

    @AttributeDefinition(name = "Board window (h)", description = "How far back the board findings look: a board "
            + "awake without balancing for all of it never sleeps. 0.01 to 168 h.", min = "0.01", max = "168")
    double window_h() default 12;

    @AttributeDefinition(name = "Spread alert", description = "Raise an alert while the spread stays too high.")
    boolean alert_spread() default true;

    @AttributeDefinition(name = "Spread threshold (mV)", description = "Highest minus lowest cell above which the "
            + "spread alert counts. 1 to 2000 mV.", min = "1", max = "2000")
    double alert_spread_mv() default 100;

    @AttributeDefinition(name = "Spread duration (s)", description = "How long the spread must stay above its "
            + "threshold before the alert is raised. 0 to 86400 s.", min = "0", max = "86400")
    double alert_spread_s() default 600;

    @AttributeDefinition(name = "Spread hysteresis (mV)", description = "How far below its threshold the spread must "
            + "fall for the alert to clear. 0 to 500 mV.", min = "0", max = "500")
    double alert_spread_hysteresis_mv() default 10;

    @AttributeDefinition(name = "Cell fault alert", description = "Raise an alert while a cell reads an open wire or "
            + "an impossible voltage.")
    boolean alert_cell_fault() default true;

    @AttributeDefinition(name = "Weak cell alert", description = "Raise an alert while a weak cell is found.")
    boolean alert_weak_cell() default true;

    @AttributeDefinition(name = "Ineffective balancing alert", description = "Raise an alert while the balancing "
            + "cannot help: balancing in LFP's flat middle, or a spread growing while the board works at its limit.")
    boolean alert_ineffective_balancing() default true;

    @AttributeDefinition(name = "Never sleeps alert", description = "Raise an alert while the board stays awake "
            + "without balancing.")
    boolean alert_never_sleeps() default true;
}
