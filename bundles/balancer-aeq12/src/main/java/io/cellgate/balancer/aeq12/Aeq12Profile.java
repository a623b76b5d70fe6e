package io.cellgate.balancer.aeq12;

import io.cellgate.api.balancer.Microvolts;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of the 1.2 A adjacent inductive active equalizer, in SI units. Quotes are from its product listing
 * (goldenfalcon.info, page h-pd-8564, "Balanced current ..."); the start and stop differences, which the listing
 * does not give, are those the same class of inductive adjacent balancer publishes (Heltec, "inductive balancer":
 * "reaches 0.1V or more ... until ... within 0.03V"). See the bundle's README.
 *
 * @param triggerVolts  an idle pair starts at or above this difference: "When the adjacent battery voltage difference
 *                      reaches 0.1V or more" — 0.100 V, inclusive
 * @param stopVolts     a balancing pair stops at or below this difference: "until the adjacent battery voltage
 *                      difference stops within 0.03V" — 0.030 V
 * @param ampsPerVolt   slope of the current: "the adjacent pressure difference is above 0.1V (the current is about
 *                      0.5-0.7A)" and "above 0.2V (reaching the equilibrium current of 1.2A)": the line through
 *                      (0.1 V, 0.6 A) and (0.2 V, 1.2 A) passes through zero, 6 A/V
 * @param maxAmps       ceiling of the current: "reaching the equilibrium current of 1.2A" — 1.2 A
 * @param minCellVolts  lowest working cell voltage: "The working voltage is 2.0V-4.5V" — 2.0 V
 * @param maxCellVolts  highest working cell voltage, same sentence — 4.5 V
 */
public record Aeq12Profile(double triggerVolts, double stopVolts, double ampsPerVolt, double maxAmps,
        double minCellVolts, double maxCellVolts) {

    /** The board as its listing describes it. */
    public static final Aeq12Profile LISTING = new Aeq12Profile(0.100, 0.030, 6.0, 1.2, 2.0, 4.5);

    public Aeq12Profile {
        require(Microvolts.of(stopVolts) >= 1 && Microvolts.of(stopVolts) < Microvolts.of(triggerVolts),
                "stopVolts=" + stopVolts + " must lie between 1 µV and triggerVolts=" + triggerVolts);
        require(ampsPerVolt > 0 && Double.isFinite(ampsPerVolt), "ampsPerVolt=" + ampsPerVolt + " must be > 0");
        require(maxAmps > 0 && Double.isFinite(maxAmps), "maxAmps=" + maxAmps + " must be > 0");
        require(minCellVolts < maxCellVolts && Double.isFinite(minCellVolts) && Double.isFinite(maxCellVolts),
                "minCellVolts=" + minCellVolts + " must be below maxCellVolts=" + maxCellVolts);
    }

    /**
     * The balance current: "The smaller the pressure difference, the smaller the equilibrium current", read as
     * {@code min(maxAmps, ampsPerVolt·|ΔV|)}: 0.6 A at 0.1 V, 1.2 A from 0.2 V on, 0.18 A just above the stop.
     */
    public double currentAmps(double deltaVolts) {
        return Math.min(maxAmps, ampsPerVolt * Math.abs(deltaVolts));
    }

    /** The figures by the parameter-name convention of docs/adding-a-board.md. */
    public Map<String, Double> toParameters() {
        Map<String, Double> p = new TreeMap<>();
        p.put("trigger.volts", triggerVolts);
        p.put("stop.volts", stopVolts);
        p.put("amps.per.volt", ampsPerVolt);
        p.put("max.amps", maxAmps);
        p.put("min.cell.volts", minCellVolts);
        p.put("max.cell.volts", maxCellVolts);
        return p;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
