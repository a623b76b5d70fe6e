package io.cellgate.balancer.passive;

import io.cellgate.api.balancer.VariantName;
import io.cellgate.api.config.ConfigurationValues;
import java.util.Map;

/**
 * Checks a variant configuration and turns it into a {@link PassiveProfile}. Every message names the configuration
 * property and its allowed range.
 */
final class PassiveVariantValidator {

    /** No two cells of a working pack differ by more. */
    private static final int MAX_TRIGGER_MILLIVOLTS = 1500;
    /** The bleed range's ceiling (Libre Solar's ISL94202 "CBMAX, 4.5F"). */
    private static final double MAX_CELL_VOLTS = 4.5;
    private static final double MIN_OHMS = 1;
    private static final double MAX_OHMS = 1000;
    private static final double MIN_CELSIUS = -20;
    private static final double MAX_CELSIUS = 85;

    private PassiveVariantValidator() {
    }

    /**
     * Everything the component checks, on the properties as Configuration Admin delivers them.
     *
     * @throws IllegalArgumentException naming the property, its value and the allowed range
     */
    static void check(Map<String, Object> properties) {
        PassiveVariantConfig config = ConfigurationValues.as(PassiveVariantConfig.class, properties);
        variantName(config);
        toProfile(config);
    }

    static String variantName(PassiveVariantConfig config) {
        return VariantName.requireConfigurable(config.cellgate_variant(), PassiveModel.FOXBMS_VARIANT,
                PassiveModel.LIBRESOLAR_VARIANT);
    }

    static PassiveProfile toProfile(PassiveVariantConfig config) {
        int trigger = config.trigger_mv();
        require(trigger >= 1 && trigger <= MAX_TRIGGER_MILLIVOLTS, "trigger.mv=" + trigger
                + " is out of range: allowed 1 to " + MAX_TRIGGER_MILLIVOLTS + " mV");
        int stop = config.stop_mv();
        require(stop >= 0 && stop <= trigger, "stop.mv=" + stop + " is out of range: allowed 0 to " + trigger
                + " mV, at most trigger.mv=" + trigger);
        double ohms = config.resistor_ohms();
        require(ohms >= MIN_OHMS && ohms <= MAX_OHMS, "resistor.ohms=" + ohms + " is out of range: allowed "
                + MIN_OHMS + " to " + MAX_OHMS + " Ω");
        double maxVolts = config.max_cell_volts();
        require(maxVolts > 0 && maxVolts <= MAX_CELL_VOLTS, "max.cell.volts=" + maxVolts
                + " is out of range: allowed above 0 to " + MAX_CELL_VOLTS + " V");
        double minNcm = cellVolts("min.cell.volts.ncm", config.min_cell_volts_ncm(), maxVolts);
        double minLfp = cellVolts("min.cell.volts.lfp", config.min_cell_volts_lfp(), maxVolts);
        double startNcm = gate("start.cell.volts.ncm", config.start_cell_volts_ncm(), maxVolts);
        double startLfp = gate("start.cell.volts.lfp", config.start_cell_volts_lfp(), maxVolts);
        double celsius = config.max_celsius();
        require(celsius >= MIN_CELSIUS && celsius <= MAX_CELSIUS, "max.celsius=" + celsius
                + " is out of range: allowed " + MIN_CELSIUS + " to " + MAX_CELSIUS + " °C");
        return new PassiveProfile(trigger / 1000.0, stop / 1000.0, minNcm, minLfp, startNcm, startLfp, maxVolts,
                celsius, ohms);
    }

    private static double cellVolts(String key, double volts, double maxVolts) {
        require(volts >= 0 && volts < maxVolts, key + "=" + volts + " is out of range: allowed 0 to below "
                + "max.cell.volts=" + maxVolts + " V");
        return volts;
    }

    /** 0 means no start gate (NaN in the profile). */
    private static double gate(String key, double volts, double maxVolts) {
        if (volts == 0) {
            return Double.NaN;
        }
        return cellVolts(key, volts, maxVolts);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
