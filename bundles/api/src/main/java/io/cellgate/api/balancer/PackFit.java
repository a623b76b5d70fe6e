package io.cellgate.api.balancer;

import java.util.List;

/**
 * How well a balancer model fits a pack, as {@link ModelDescriptor#fit} decides it: the one answer the runtime, the
 * shell and the exporters show.
 *
 * @param verdict whether the model fits, fits with warnings, or cannot balance the pack at all
 * @param reasons what an operator should know, one sentence each: the warnings, or why the pack is unsupported;
 *                empty when the model simply fits
 * @since 1.3
 */
public record PackFit(Verdict verdict, List<String> reasons) {

    /** The three answers, from best to worst. */
    public enum Verdict {
        /** The model balances the pack as its board is meant to be wired. */
        FITS,
        /**
         * The model runs the pack, but the board is wired as its maker does not recommend (open channels of "low
         * strings", a cascade of boards): part of the pack may be left unbalanced, the board may show FAULT.
         */
        FITS_WITH_WARNINGS,
        /** The model cannot balance the pack: a pack on it runs fail-safe. */
        UNSUPPORTED
    }

    /** A model that fits with nothing to say. */
    public static final PackFit FITS = new PackFit(Verdict.FITS, List.of());

    public PackFit {
        if (verdict == null) {
            throw new IllegalArgumentException("verdict is missing");
        }
        reasons = List.copyOf(reasons);
        if (verdict != Verdict.FITS && reasons.isEmpty()) {
            throw new IllegalArgumentException(verdict + " needs a reason an operator can act on");
        }
    }

    /** True unless the model cannot balance the pack. */
    public boolean supported() {
        return verdict != Verdict.UNSUPPORTED;
    }

    /** The warnings of a supported fit; empty when it fits cleanly or is unsupported. */
    public List<String> warnings() {
        return verdict == Verdict.FITS_WITH_WARNINGS ? reasons : List.of();
    }

    /** One line for people: {@code fits}, {@code fits with warnings: …} or {@code does not fit: …}. */
    public String summary() {
        return switch (verdict) {
            case FITS -> "fits";
            case FITS_WITH_WARNINGS -> "fits with warnings: " + String.join("; ", reasons);
            case UNSUPPORTED -> "does not fit: " + String.join("; ", reasons);
        };
    }
}
