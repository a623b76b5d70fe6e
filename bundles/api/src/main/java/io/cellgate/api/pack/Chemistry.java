package io.cellgate.api.pack;

/**
 * Cell chemistry with its safe voltage window.
 *
 * <p>The windows are the usual cell-maker limits: NCM 2.5–4.2 V, LFP 2.5–3.65 V. A balancer board may work
 * over a wider range of its own (the EK-L20S1A's is 3.0–4.5 V); the window here describes the cell.
 */
public enum Chemistry {
    /** Nickel cobalt manganese ("ternary lithium"). */
    NCM(2.5, 4.2, 3.7),
    /** Lithium iron phosphate. */
    LFP(2.5, 3.65, 3.2);

    private final double minVolts;
    private final double maxVolts;
    private final double nominalVolts;

    Chemistry(double minVolts, double maxVolts, double nominalVolts) {
        this.minVolts = minVolts;
        this.maxVolts = maxVolts;
        this.nominalVolts = nominalVolts;
    }

    public double minVolts() {
        return minVolts;
    }

    public double maxVolts() {
        return maxVolts;
    }

    public double nominalVolts() {
        return nominalVolts;
    }

    /** Parses a configuration value such as {@code "ncm"} or {@code "LFP"}, naming the choices when it fails. */
    public static Chemistry parse(String text) {
        if (text != null) {
            for (Chemistry c : values()) {
                if (c.name().equalsIgnoreCase(text.trim())) {
                    return c;
                }
            }
        }
        throw new IllegalArgumentException("unknown chemistry '" + text + "': expected one of NCM, LFP");
    }
}
