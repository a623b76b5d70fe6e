package io.cellgate.api.balancer;

import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackDescription;
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
