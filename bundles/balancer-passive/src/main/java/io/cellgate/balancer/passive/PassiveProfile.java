package io.cellgate.balancer.passive;

import io.cellgate.api.balancer.Microvolts;
import io.cellgate.api.pack.Chemistry;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of one passive bleed board, in SI units. Two published open-source strategies give the built-in
 * profiles (sources in {@code bundles/balancer-passive/README.md}):
 *
 * <ul>
 * <li>{@link #FOXBMS}: foxBMS 2, {@code src/app/application/config/bal_cfg.h} and
 * {@code src/app/application/bal/voltage/bal_strategy_voltage.c} — "BAL_DEFAULT_THRESHOLD_mV (200)",
 * "BAL_HYSTERESIS_mV (200)", "BAL_LOWER_VOLTAGE_LIMIT_mV (2000)", "BAL_UPPER_TEMPERATURE_LIMIT_ddegC (700)";</li>
 * <li>{@link #LIBRESOLAR}: Libre Solar bms-firmware, {@code app/src/bms_common.c} and
 * {@code app/src/bq769x0/bms_bq769x0.c} — "bal_cell_voltage_diff = 0.01F; // 10 mV",
 * "bal_cell_voltage_min = 3.30F" (LFP), "bal_cell_voltage_min = 3.80F" (NMC).</li>
 * </ul>
 *
 * @param triggerVolts      an idle board starts when a usable cell stands strictly more than this above the pack's
 *                          lowest usable cell; foxBMS starts at threshold plus hysteresis ("balancingThreshold =
 *                          BAL_DEFAULT_THRESHOLD_mV + BAL_HYSTERESIS_mV"), 0.400 V; Libre Solar at
 *                          "(cell_voltage_max - cell_voltage_min) &gt; bal_cell_voltage_diff", 0.010 V
 * @param stopVolts         a started board bleeds every usable cell standing strictly more than this above the lowest,
 *                          and stops when none does; foxBMS "cellVoltage_mV &gt; (min + balancingThreshold)" with the
 *                          threshold back at 0.200 V once started; Libre Solar has no hysteresis, 0.010 V
 * @param minCellVoltsNcm   no bleeding while the lowest usable NCM cell is at or below this; foxBMS
 *                          "minimumCellVoltage_mV &lt;= BAL_LOWER_VOLTAGE_LIMIT_mV", 2.0 V; Libre Solar's NMC
 *                          "cell_uv_limit = 3.00F" (our choice: never bleed towards an undervoltage cell)
 * @param minCellVoltsLfp   the same for LFP; foxBMS 2.0 V, Libre Solar's LFP "cell_uv_limit = 2.50F"
 * @param startCellVoltsNcm bleeding only while the highest usable NCM cell is above this (NaN: no such gate);
 *                          Libre Solar "cell_voltage_max &gt; bal_cell_voltage_min", 3.80 V
 * @param startCellVoltsLfp the same for LFP; Libre Solar 3.30 V
 * @param maxCellVolts      a cell above this never bleeds and flashes: Libre Solar's ISL94202 driver
 *                          "ISL94202_CBMAX, 4.5F ... // no upper limit for balancing", 4.5 V; it bounds the bleed
 *                          current, {@link #maxAmps()}
 * @param maxCelsius        at or above this temperature nothing bleeds; foxBMS "maximumTemperature_ddegC &gt;=
 *                          BAL_UPPER_TEMPERATURE_LIMIT_ddegC", 70 °C; Libre Solar's "chg_ot_limit = 45" (our choice:
 *                          the pack's own charging limit, as the bq769x0 has no balancing temperature limit)
 * @param resistorOhms      the bleed resistor of each cell: a cell at V volts bleeds V / R amperes; 33 Ω unless
 *                          configured (neither source fixes a resistor; both boards' resistors are on their
 *                          hardware)
 */
public record PassiveProfile(double triggerVolts, double stopVolts, double minCellVoltsNcm, double minCellVoltsLfp,
        double startCellVoltsNcm, double startCellVoltsLfp, double maxCellVolts, double maxCelsius,
        double resistorOhms) {

    /** The bleed resistor when none is configured. */
    public static final double DEFAULT_RESISTOR_OHMS = 33;

    /** foxBMS 2 voltage-based strategy (bal_cfg.h defaults). */
    public static final PassiveProfile FOXBMS = new PassiveProfile(0.400, 0.200, 2.0, 2.0, Double.NaN, Double.NaN,
            4.5, 70, DEFAULT_RESISTOR_OHMS);

    /** Libre Solar bms-firmware automatic balancing (bms_init_config defaults for NMC and LFP). */
    public static final PassiveProfile LIBRESOLAR = new PassiveProfile(0.010, 0.010, 3.00, 2.50, 3.80, 3.30,
            4.5, 45, DEFAULT_RESISTOR_OHMS);

    public PassiveProfile {
        require(Double.isFinite(triggerVolts) && Microvolts.of(triggerVolts) >= 1,
                "triggerVolts=" + triggerVolts + " must be at least 1 µV");
        require(Double.isFinite(stopVolts) && stopVolts >= 0 && Microvolts.of(stopVolts) <= Microvolts.of(triggerVolts),
                "stopVolts=" + stopVolts + " must lie in 0..triggerVolts=" + triggerVolts);
        require(Double.isFinite(minCellVoltsNcm) && Double.isFinite(minCellVoltsLfp) && minCellVoltsNcm >= 0
                && minCellVoltsLfp >= 0, "minCellVolts must be finite and >= 0");
        require(Double.isFinite(maxCellVolts) && maxCellVolts > Math.max(minCellVoltsNcm, minCellVoltsLfp),
                "maxCellVolts=" + maxCellVolts + " must be above minCellVolts");
        require(!(startCellVoltsNcm >= maxCellVolts) && !(startCellVoltsLfp >= maxCellVolts),
                "startCellVolts must be below maxCellVolts=" + maxCellVolts);
        require(Double.isFinite(maxCelsius), "maxCelsius=" + maxCelsius + " must be finite");
        require(Double.isFinite(resistorOhms) && resistorOhms > 0, "resistorOhms=" + resistorOhms + " must be > 0");
    }

    /** The most any cell bleeds: a cell at {@link #maxCellVolts} through the resistor. */
    public double maxAmps() {
        return maxCellVolts / resistorOhms;
    }

    /** The bleed current of a cell at {@code cellVolts}, Ohm's law. */
    public double bleedAmps(double cellVolts) {
        return cellVolts / resistorOhms;
    }

    public double minCellVolts(Chemistry chemistry) {
        return chemistry == Chemistry.LFP ? minCellVoltsLfp : minCellVoltsNcm;
    }

    /** The start gate for the chemistry, NaN when there is none. */
    public double startCellVolts(Chemistry chemistry) {
        return chemistry == Chemistry.LFP ? startCellVoltsLfp : startCellVoltsNcm;
    }

    /** The figures by the parameter-name convention of docs/adding-a-board.md. */
    public Map<String, Double> toParameters() {
        Map<String, Double> p = new TreeMap<>();
        p.put("trigger.volts", triggerVolts);
        p.put("stop.volts", stopVolts);
        p.put("min.cell.volts.ncm", minCellVoltsNcm);
        p.put("min.cell.volts.lfp", minCellVoltsLfp);
        if (!Double.isNaN(startCellVoltsNcm)) {
            p.put("start.cell.volts.ncm", startCellVoltsNcm);
        }
        if (!Double.isNaN(startCellVoltsLfp)) {
            p.put("start.cell.volts.lfp", startCellVoltsLfp);
        }
        p.put("max.cell.volts", maxCellVolts);
        p.put("max.celsius", maxCelsius);
        p.put("resistor.ohms", resistorOhms);
        p.put("max.amps", maxAmps());
        return p;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
