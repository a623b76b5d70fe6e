package io.cellgate.api.insight;

/**
 * What the insight works out of one cell from the pack current, the balancer's work and the cell's voltage at rest.
 * A figure it cannot give yet is NaN, with {@link #socNote} or the pack's notes saying why.
 *
 * @param cell                     the cell, from 0
 * @param soc                      state of charge now, 0…1: the last open-circuit reading at rest, carried on by the
 *                                 charge counted since (pack current plus the cell's balancing charge); NaN before a
 *                                 first rest, or while current flows with no capacity known
 * @param socFromRestMillis        when the last rest reading was taken, wall clock; 0 before any
 * @param capacityAh               capacity in ampere-hours, from the charge counted between rest points of well
 *                                 separated charge against the change of the cell's charge at them; NaN until then
 * @param capacityConfidence       0…1: one minus the capacity's relative standard error (1: exact), 0 when unknown
 * @param selfDischargeAmps        the charge the cell loses that no counted current explains, in amperes (positive:
 *                                 it loses charge); NaN until known
 * @param driftVoltsPerDay         how fast the cell moves away from the pack's median cell at rest, at its present
 *                                 charge, in volts per day (negative: it falls behind); NaN until known
 * @param netBalanceCoulombsPerDay net charge the balancer moved into the cell per day (in − out − bled), since the
 *                                 insight began counting; negative when it takes charge out
 * @param restPoints               how many rest readings of the cell the estimates rest on
 */
public record CellEstimate(int cell, double soc, long socFromRestMillis, double capacityAh,
        double capacityConfidence, double selfDischargeAmps, double driftVoltsPerDay,
        double netBalanceCoulombsPerDay, int restPoints) {

    /** Seconds in a 30-day month, the unit of self-discharge rates. */
    public static final double SECONDS_PER_MONTH = 30.0 * 24 * 3600;

    /** Self-discharge as a share of the capacity per 30-day month, in percent; NaN while either is unknown. */
    public double selfDischargePercentPerMonth() {
        return selfDischargeAmps * SECONDS_PER_MONTH / (capacityAh * 3600) * 100;
    }
}
