package io.cellgate.operate;

import io.cellgate.api.balancer.ModelDescriptor;
import io.cellgate.api.balancer.PackFit;

/**
 * A swap refused because of how the model fits the pack: never for a model that does not fit at all, until
 * confirmed for one that fits with warnings ({@link #confirmable()}). The message says how it fits; each front end
 * adds how to go on (the shell: {@code --force}; the page: its confirmation).
 */
public final class SwapRefusal extends Refusal {

    private static final long serialVersionUID = 1L;

    private final boolean confirmable;

    SwapRefusal(ModelDescriptor model, PackFit fit) {
        super(model.qualifiedName() + " " + fit.summary());
        this.confirmable = fit.supported();
    }

    /** True when the model fits with warnings: asked again with a confirmation, the swap goes ahead. */
    public boolean confirmable() {
        return confirmable;
    }
}
