package io.cellgate.balancer.tck;

import io.cellgate.api.balancer.ModelDescriptor;
import io.cellgate.api.pack.Chemistry;
import java.util.Locale;

/**
 * The parameter names of {@link ModelDescriptor#parameters()} that the conformance kit knows by convention, and what
 * each promises. Values are in SI units named by the suffix: volts, amps, ohms, celsius. A name may carry a chemistry
 * suffix ({@code min.cell.volts.lfp}); for a pack of that chemistry it wins over the plain name. A model that does
 * not declare a parameter is not probed on it. The convention is documented in {@code docs/adding-a-board.md}.
 */
public final class ParameterNames {

    /**
     * The difference at which an idle board starts balancing, in volts: for adjacent boards between two adjacent
     * cells, for bleed boards between a cell and the pack's lowest usable cell. A difference of {@code trigger}
     * minus 1 mV on a fresh balancer leaves the board idle; {@code trigger} plus 1 mV starts it.
     */
    public static final String TRIGGER_VOLTS = "trigger.volts";
    /**
     * The difference at or below which a balancing board stops, in volts (at most {@link #TRIGGER_VOLTS}): after a
     * start, {@code stop} plus 1 mV keeps balancing, {@code stop} minus 1 mV stops.
     */
    public static final String STOP_VOLTS = "stop.volts";
    /** A cell below this voltage never takes part in balancing (and the board may stop altogether). */
    public static final String MIN_CELL_VOLTS = "min.cell.volts";
    /** A cell above this voltage never takes part in balancing. */
    public static final String MAX_CELL_VOLTS = "max.cell.volts";
    /**
     * The board balances only while the pack's highest usable cell stands above this voltage (e.g. a passive board
     * that bleeds near the top of charge only). The kit probes with packs above it.
     */
    public static final String START_CELL_VOLTS = "start.cell.volts";
    /** Colder than this, in °C, nothing balances. */
    public static final String MIN_CELSIUS = "min.celsius";
    /** Hotter than this, in °C, nothing balances. */
    public static final String MAX_CELSIUS = "max.celsius";
    /** Cells one board is wired for; the kit's probe and simulator packs have this many cells when it is declared. */
    public static final String STRINGS = "strings";
    /** The most current any pair or cell is driven with, in amperes; equal to {@link ModelDescriptor#maxAmps()}. */
    public static final String MAX_AMPS = "max.amps";
    /** A passive board's bleed resistor, in ohms: a cell at V volts bleeds V / R amperes. */
    public static final String RESISTOR_OHMS = "resistor.ohms";

    private ParameterNames() {
    }

    /**
     * The value of {@code name} for packs of {@code chemistry}: {@code name.<chemistry>} (lower case) when the model
     * declares it, else {@code name}, else NaN.
     */
    public static double value(ModelDescriptor descriptor, String name, Chemistry chemistry) {
        double specific = descriptor.parameter(name + "." + chemistry.name().toLowerCase(Locale.ROOT));
        return Double.isNaN(specific) ? descriptor.parameter(name) : specific;
    }
}
