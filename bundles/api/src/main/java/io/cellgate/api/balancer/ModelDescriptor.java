package io.cellgate.api.balancer;

import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a balancer model is and what it supports; shown by the shell and read by tools and conformance tests.
 *
 * @param model          model id, e.g. {@code EK-L20S1A}
 * @param variant        variant of the model, e.g. {@code datasheet} or {@code lfp}
 * @param vendor         board vendor
 * @param minCells       fewest cells the model accepts
 * @param maxCells       most cells the model accepts
 * @param chemistries    chemistries the model supports
 * @param topology       how the board moves charge
 * @param maxAmps        the most current any pair or cell is ever driven with, in amperes
 * @param parameters     the model's documented figures (thresholds in volts, currents in amperes), by name
 */
public record ModelDescriptor(String model, String variant, String vendor, int minCells, int maxCells,
        Set<Chemistry> chemistries, Topology topology, double maxAmps, Map<String, Double> parameters) {

    /**
     * The {@linkplain #parameters() parameter} naming the cells one board is wired for, e.g. 20 for a 20S board;
     * {@link #fit} reads it.
     *
     * @since 1.3
     */
    public static final String STRINGS = "strings";

    public ModelDescriptor {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("model id is missing");
        }
        if (variant == null || variant.isBlank()) {
            throw new IllegalArgumentException("variant of " + model + " is missing");
        }
        if (minCells < 2 || maxCells < minCells) {
            throw new IllegalArgumentException(model + ": supported cells " + minCells + ".." + maxCells
                    + " is not a range of at least 2 cells");
        }
        if (chemistries == null || chemistries.isEmpty()) {
            throw new IllegalArgumentException(model + ": no supported chemistry");
        }
        if (!(maxAmps > 0) || Double.isInfinite(maxAmps)) {
            throw new IllegalArgumentException(model + ": maxAmps must be a positive number, got " + maxAmps);
        }
        chemistries = Set.copyOf(chemistries);
        parameters = parameters == null ? Map.of() : Map.copyOf(new TreeMap<>(parameters));
        vendor = vendor == null ? "" : vendor;
    }

    /** {@code model/variant}, the name an operator types to choose this model. */
    public String qualifiedName() {
        return model + "/" + variant;
    }

    public boolean supports(int cells, Chemistry chemistry) {
        return cells >= minCells && cells <= maxCells && chemistries.contains(chemistry);
    }

    /**
     * Why this model cannot balance the pack, in words an operator can act on; empty when it can.
     *
     * @since 1.2
     */
    public Optional<String> unsupportedReason(PackDescription pack) {
        if (supports(pack.cells(), pack.chemistry())) {
            return Optional.empty();
        }
        return Optional.of(qualifiedName() + " does not support pack " + pack.id() + " of " + pack.cells() + " "
                + pack.chemistry() + " cells: it takes " + minCells + " to " + maxCells + " cells of " + chemistries);
    }

    /**
     * How this model fits the pack: {@linkplain #unsupportedReason unsupported}, or fits with warnings when the
     * model declares the {@value #STRINGS} one board is wired for and the pack's cells are not a whole number of
     * full boards (open channels of "low strings" on the last board, a cascade of several boards whose joining pairs
     * no board balances), else fits. The one definition of "fit" that the runtime, the shell and the exporters show.
     *
     * @since 1.3
     */
    public PackFit fit(PackDescription pack) {
        Optional<String> unsupported = unsupportedReason(pack);
        if (unsupported.isPresent()) {
            return new PackFit(PackFit.Verdict.UNSUPPORTED, List.of(unsupported.get()));
        }
        double declared = parameter(STRINGS);
        if (!(declared >= 1) || declared != Math.rint(declared)) {
            return PackFit.FITS;
        }
        int strings = (int) declared;
        int boards = (pack.cells() + strings - 1) / strings;
        int lastBoardCells = pack.cells() - (boards - 1) * strings;
        List<String> warnings = new ArrayList<>(2);
        if (lastBoardCells < strings) {
            warnings.add("low strings: " + (boards == 1 ? "the " + strings + "S board" : "board " + boards + ", a "
                    + strings + "S board,") + " is wired to " + lastBoardCells + " of pack " + pack.id() + "'s cells, channels "
                    + (lastBoardCells + 1) + "-" + strings + " open; the board shows FAULT and its top cell is "
                    + "not balanced: choose a variant of " + pack.cells() + " strings");
        }
        if (boards > 1) {
            warnings.add("cascade: pack " + pack.id() + "'s " + pack.cells() + " cells need " + boards + " boards of "
                    + strings + "S; " + (boards == 2 ? "the pair between the boards never balances"
                    : "the " + (boards - 1) + " pairs between boards never balance") + ": choose a variant of " + pack.cells() + " strings");
        }
        return warnings.isEmpty() ? PackFit.FITS : new PackFit(PackFit.Verdict.FITS_WITH_WARNINGS, warnings);
    }

    /**
     * The check that opens every {@link BalancerModel#create}, so that all models refuse a pack the same way.
     *
     * @throws IllegalArgumentException with the {@linkplain #unsupportedReason reason} when the pack is unsupported
     * @since 1.2
     */
    public void requireSupports(PackDescription pack) {
        Optional<String> reason = unsupportedReason(pack);
        if (reason.isPresent()) {
            throw new IllegalArgumentException(reason.get());
        }
    }

    /** A named figure of the model, or {@code NaN} when the model has none by that name. */
    public double parameter(String name) {
        Double v = parameters.get(name);
        return v == null ? Double.NaN : v;
    }
}
