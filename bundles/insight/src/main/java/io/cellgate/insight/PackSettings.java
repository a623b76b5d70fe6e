package io.cellgate.insight;

/**
 * One pack's insight settings, checked: how it recognises rest and a weak cell, and which alerts it raises at what
 * thresholds. A pack without a configuration of its own runs on {@link #DEFAULTS}.
 *
 * @param capacityAh             the cells' rated capacity, for the state of charge before a capacity is measured; 0
 *                               when not known
 * @param restSeconds            how long the pack current must stay below {@code restAmps} (and a cell's pairs idle)
 *                               before its voltage is read as its open-circuit voltage
 * @param restAmps               the pack current, either way, that counts as none
 * @param minSwing               the share of charge two rest points must lie apart for a capacity (0…1)
 * @param weakCapacityShare      a cell this share below the median cell's capacity is weak (0…1)
 * @param weakSelfDischarge      a cell losing charge this many times as fast as the median cell is weak
 * @param windowSeconds          the span the board findings look back over (the board's sleep, its busiest pair)
 * @param spreadAlert            whether the spread alert is raised
 * @param spreadVolts            its threshold: highest minus lowest cell
 * @param spreadSeconds          how long the spread must stay above it
 * @param spreadHysteresisVolts  how far below the threshold the spread must fall for the alert to clear
 * @param cellFaultAlert         whether an open wire or an impossible voltage raises an alert
 * @param weakCellAlert          whether a weak cell raises an alert
 * @param ineffectiveAlert       whether balancing that cannot help raises an alert
 * @param neverSleepsAlert       whether a board that never sleeps raises an alert
 */
record PackSettings(double capacityAh, double restSeconds, double restAmps, double minSwing,
        double weakCapacityShare, double weakSelfDischarge, double windowSeconds, boolean spreadAlert,
        double spreadVolts, double spreadSeconds, double spreadHysteresisVolts, boolean cellFaultAlert,
        boolean weakCellAlert, boolean ineffectiveAlert, boolean neverSleepsAlert) {

    static final PackSettings DEFAULTS = new PackSettings(0, 1800, 0.05, 0.3, 0.05, 3, 12 * 3600, true, 0.1, 600,
            0.01, true, true, true, true);

    /** The settings of a configuration, checked against the ranges its metatype declares. */
    static PackSettings of(PackInsightConfig c) {
        return new PackSettings(
                range("capacity.ah", c.capacity_ah(), 0, 100_000, "Ah"),
                range("rest.s", c.rest_s(), 10, 86_400, "s"),
                range("rest.amps", c.rest_amps(), 0, 1000, "A"),
                range("min.swing.percent", c.min_swing_percent(), 5, 90, "%") / 100,
                range("weak.capacity.percent", c.weak_capacity_percent(), 1, 50, "%") / 100,
                range("weak.self.discharge.factor", c.weak_self_discharge_factor(), 1.5, 100, ""),
                range("window.h", c.window_h(), 0.01, 168, "h") * 3600,
                c.alert_spread(),
                range("alert.spread.mv", c.alert_spread_mv(), 1, 2000, "mV") / 1000,
                range("alert.spread.s", c.alert_spread_s(), 0, 86_400, "s"),
                range("alert.spread.hysteresis.mv", c.alert_spread_hysteresis_mv(), 0, 500, "mV") / 1000,
                c.alert_cell_fault(), c.alert_weak_cell(), c.alert_ineffective_balancing(), c.alert_never_sleeps());
    }

    private static double range(String key, double value, double min, double max, String unit) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(key + "=" + value + " is out of range: " + format(min) + " to "
                    + format(max) + (unit.isEmpty() ? "" : " " + unit));
        }
        return value;
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
