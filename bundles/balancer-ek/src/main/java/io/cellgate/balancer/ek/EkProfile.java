package io.cellgate.balancer.ek;

import io.cellgate.api.balancer.Microvolts;
import java.util.Map;

/**
 * The figures of one EK-L20S1A board, in SI units. {@link #DATASHEET} holds the datasheet's figures; a variant
 * (see {@link EkVariantModelComponent}) tunes the thresholds within the board's limits.
 *
 * <p>Quotes are from the Enerkey "Inductive Active Balancer (EK-L20S1A) Product Datasheet" V1.0.
 *
 * @param triggerVolts   an idle pair starts balancing when its difference is strictly above this: "When the voltage
 *                       difference between adjacent batteries is &gt;0.1V, the balancing operation is automatically
 *                       triggered" — 0.100 V
 * @param stopVolts      a balancing pair stops when its difference is at or below this: "until the voltage difference
 *                       between adjacent batteries is ≤0.03V, and the balancing is completed" — 0.030 V; it is also
 *                       the sleep threshold: "When the adjacent voltage difference is less than 30mV, it enters sleep
 *                       state"
 * @param ampsPerVolt    slope of the balance current: "0.05V voltage difference balancing current 0.5A" — 10 A/V
 * @param maxAmps        ceiling of the balance current: "0.1V voltage difference reaches the maximum balancing current
 *                       of 1A" — 1.0 A
 * @param minCellVolts   lowest cell voltage the board works at: "Cell Voltage Working Range 3.0-4.5V" — 3.0 V
 * @param maxCellVolts   highest cell voltage the board works at, same sentence — 4.5 V
 * @param minCelsius     lowest working temperature: "Working Temperature -20°C - +60°C" — −20 °C
 * @param maxCelsius     highest working temperature, same sentence — +60 °C
 * @param quiescentAmps  the board's draw from the pack while asleep: "Quiescent Operating Current 10uA" — 10 µA
 * @param activeDrawAmps the board's draw while awake; the datasheet is silent, so this is an assumption (5 mA for the
 *                       datasheet board: an LED driver and a small controller)
 * @param strings        cells one board is wired for: "Adapt Battery String 20S"; the series "Supports 2 to 24 battery
 *                       strings"
 */
public record EkProfile(double triggerVolts, double stopVolts, double ampsPerVolt, double maxAmps,
        double minCellVolts, double maxCellVolts, double minCelsius, double maxCelsius,
        double quiescentAmps, double activeDrawAmps, int strings) {

    /** Fewest strings of the series: "Supports 2 to 24 battery strings". */
    public static final int MIN_STRINGS = 2;
    /** Most strings of the series: "Supports 2 to 24 battery strings". */
    public static final int MAX_STRINGS = 24;

    /** Strings of the datasheet board: "Adapt Battery String 20S". */
    public static final int DATASHEET_STRINGS = 20;

    /** The EK-L20S1A 20S board exactly as its datasheet describes it. */
    public static final EkProfile DATASHEET = new EkProfile(0.100, 0.030, 10.0, 1.0, 3.0, 4.5, -20, 60,
            10e-6, 0.005, DATASHEET_STRINGS);

    public EkProfile {
        requireFinite("triggerVolts", triggerVolts);
        requireFinite("stopVolts", stopVolts);
        requireFinite("ampsPerVolt", ampsPerVolt);
        requireFinite("maxAmps", maxAmps);
        requireFinite("minCellVolts", minCellVolts);
        requireFinite("maxCellVolts", maxCellVolts);
        requireFinite("minCelsius", minCelsius);
        requireFinite("maxCelsius", maxCelsius);
        requireFinite("quiescentAmps", quiescentAmps);
        requireFinite("activeDrawAmps", activeDrawAmps);
        require(Microvolts.of(stopVolts) >= 1, "stopVolts=" + stopVolts + " must be at least 0.000001 V (1 µV)");
        require(Microvolts.of(stopVolts) < Microvolts.of(triggerVolts),
                "stopVolts=" + stopVolts + " must be below triggerVolts=" + triggerVolts);
        require(ampsPerVolt > 0, "ampsPerVolt=" + ampsPerVolt + " must be > 0");
        require(maxAmps > 0, "maxAmps=" + maxAmps + " must be > 0");
        require(minCellVolts < maxCellVolts,
                "minCellVolts=" + minCellVolts + " must be below maxCellVolts=" + maxCellVolts);
        require(minCelsius < maxCelsius, "minCelsius=" + minCelsius + " must be below maxCelsius=" + maxCelsius);
        require(quiescentAmps >= 0, "quiescentAmps=" + quiescentAmps + " must be >= 0");
        require(activeDrawAmps >= 0, "activeDrawAmps=" + activeDrawAmps + " must be >= 0");
        require(strings >= MIN_STRINGS && strings <= MAX_STRINGS, "strings=" + strings
                + " is out of range: the EK series supports " + MIN_STRINGS + " to " + MAX_STRINGS + " strings");
    }

    /**
     * The balance current curve: "0.05V voltage difference balancing current 0.5A 0.1V voltage difference reaches
     * the maximum balancing current of 1A" and "The balancing current is positively related to the adjacent voltage
     * difference". Read as the simplest line through both points, {@code min(maxAmps, ampsPerVolt·|ΔV|)}. While a
     * pair that started above the trigger settles towards the stop threshold it runs at 0.3–1.0 A.
     *
     * @param deltaVolts the pair's voltage difference, either sign, finite
     * @return the current setpoint in amperes, 0 … {@link #maxAmps()}
     */
    public double currentAmps(double deltaVolts) {
        return Math.min(maxAmps, ampsPerVolt * Math.abs(deltaVolts));
    }

    /** The figures by name for {@link io.cellgate.api.balancer.ModelDescriptor#parameters()}. */
    public Map<String, Double> toParameters() {
        return Map.ofEntries(
                Map.entry("trigger.volts", triggerVolts),
                Map.entry("stop.volts", stopVolts),
                Map.entry("amps.per.volt", ampsPerVolt),
                Map.entry("max.amps", maxAmps),
                Map.entry("min.cell.volts", minCellVolts),
                Map.entry("max.cell.volts", maxCellVolts),
                Map.entry("min.celsius", minCelsius),
                Map.entry("max.celsius", maxCelsius),
                Map.entry("quiescent.amps", quiescentAmps),
                Map.entry("active.draw.amps", activeDrawAmps),
                Map.entry("strings", (double) strings));
    }

    private static void requireFinite(String field, double value) {
        require(Double.isFinite(value), field + "=" + value + " must be a finite number");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
