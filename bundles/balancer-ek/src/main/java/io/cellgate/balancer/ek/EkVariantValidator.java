package io.cellgate.balancer.ek;

import io.cellgate.api.balancer.BalancerModel;
import io.cellgate.api.balancer.VariantName;
import io.cellgate.api.config.ConfigurationValues;
import java.util.Map;

/**
 * Checks a variant configuration against the board's limits and turns it into an {@link EkProfile}. A variant may
 * tune the thresholds and the current curve, and tighten the datasheet's working ranges, never widen them: the
 * hardware stays an EK-L20S1A. Every message names the configuration property and its allowed range.
 */
final class EkVariantValidator {

    /** No two cells inside the 3.0-4.5 V working range differ by more. */
    private static final int MAX_TRIGGER_MILLIVOLTS = 1500;
    private static final EkProfile LIMITS = EkProfile.DATASHEET;

    private EkVariantValidator() {
    }

    /**
     * Everything the component checks, on the properties as Configuration Admin delivers them.
     *
     * @throws IllegalArgumentException naming the property, its value and the allowed range
     */
    static void check(Map<String, Object> properties) {
        EkVariantConfig config = ConfigurationValues.as(EkVariantConfig.class, properties);
        variantName(config);
        toProfile(config);
    }

    /** The variant's name, the {@value BalancerModel#VARIANT} service property. */
    static String variantName(EkVariantConfig config) {
        return VariantName.requireConfigurable(config.cellgate_variant(), EkModel.DATASHEET_VARIANT);
    }

    /** The profile the configuration describes; the board's draw is the datasheet board's. */
    static EkProfile toProfile(EkVariantConfig config) {
        int strings = config.cellgate_strings();
        require(strings >= EkProfile.MIN_STRINGS && strings <= EkProfile.MAX_STRINGS, EkModel.STRINGS + "=" + strings
                + " is out of range: allowed " + EkProfile.MIN_STRINGS + " to " + EkProfile.MAX_STRINGS
                + " (\"Supports 2 to 24 battery strings\")");
        int triggerMillivolts = config.trigger_mv();
        require(triggerMillivolts >= 2 && triggerMillivolts <= MAX_TRIGGER_MILLIVOLTS, "trigger.mv="
                + triggerMillivolts + " is out of range: allowed 2 to " + MAX_TRIGGER_MILLIVOLTS + " mV");
        int stopMillivolts = config.stop_mv();
        require(stopMillivolts >= 1 && stopMillivolts < triggerMillivolts, "stop.mv=" + stopMillivolts
                + " is out of range: allowed 1 to " + (triggerMillivolts - 1) + " mV, below trigger.mv="
                + triggerMillivolts);
        double ampsPerVolt = config.amps_per_volt();
        require(ampsPerVolt > 0 && Double.isFinite(ampsPerVolt),
                "amps.per.volt=" + ampsPerVolt + " is out of range: allowed a finite number > 0 A/V");
        double maxAmps = config.max_amps();
        require(maxAmps > 0 && maxAmps <= LIMITS.maxAmps(), "max.amps=" + maxAmps
                + " is out of range: allowed > 0 to " + LIMITS.maxAmps() + " A, the board's maximum");
        double minCellVolts = config.min_cell_volts();
        double maxCellVolts = config.max_cell_volts();
        requireWithin("min.cell.volts", minCellVolts, "max.cell.volts", maxCellVolts,
                LIMITS.minCellVolts(), LIMITS.maxCellVolts(), "V");
        double minCelsius = config.min_celsius();
        double maxCelsius = config.max_celsius();
        requireWithin("min.celsius", minCelsius, "max.celsius", maxCelsius,
                LIMITS.minCelsius(), LIMITS.maxCelsius(), "°C");
        return new EkProfile(triggerMillivolts / 1000.0, stopMillivolts / 1000.0, ampsPerVolt, maxAmps,
                minCellVolts, maxCellVolts, minCelsius, maxCelsius, LIMITS.quiescentAmps(), LIMITS.activeDrawAmps(),
                strings);
    }

    /** {@code low < high}, both within {@code [limitLow, limitHigh]}. */
    private static void requireWithin(String lowKey, double low, String highKey, double high, double limitLow,
            double limitHigh, String unit) {
        String allowed = " is out of range: allowed " + limitLow + " to " + limitHigh + " " + unit
                + " (the datasheet's working range), " + lowKey + " below " + highKey;
        require(low >= limitLow && low < limitHigh, lowKey + "=" + low + allowed);
        require(high > limitLow && high <= limitHigh, highKey + "=" + high + allowed);
        require(low < high, lowKey + "=" + low + " must be below " + highKey + "=" + high);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
