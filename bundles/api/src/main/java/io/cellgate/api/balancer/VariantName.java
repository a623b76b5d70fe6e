package io.cellgate.api.balancer;

import java.util.regex.Pattern;

/**
 * The check on a variant name an operator configures ({@value BalancerModel#VARIANT}), shared so that every board
 * plugin accepts and refuses the same names with the same words.
 *
 * @since 1.2
 */
public final class VariantName {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final String RULE = "1 to 64 letters, digits, '-' or '_'";

    private VariantName() {
    }

    /**
     * The configured variant name, when it is 1 to 64 letters, digits, '-' or '_' and none of the plugin's built-in
     * variants (ignoring case).
     *
     * @throws IllegalArgumentException naming the property and what it takes
     */
    public static String requireConfigurable(String variant, String... builtIn) {
        if (variant == null || variant.isBlank()) {
            throw new IllegalArgumentException(BalancerModel.VARIANT + " is missing: name the variant with " + RULE);
        }
        if (!NAME.matcher(variant).matches()) {
            throw new IllegalArgumentException(BalancerModel.VARIANT + "='" + variant + "' is invalid: use " + RULE);
        }
        for (String taken : builtIn) {
            if (variant.equalsIgnoreCase(taken)) {
                throw new IllegalArgumentException(BalancerModel.VARIANT + "='" + variant
                        + "' is taken by a built-in variant: choose another name");
            }
        }
        return variant;
    }
}
