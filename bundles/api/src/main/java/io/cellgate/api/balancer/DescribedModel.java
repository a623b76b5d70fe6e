package io.cellgate.api.balancer;

import io.cellgate.api.pack.PackDescription;
import java.util.Objects;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A balancer model whose descriptor is fixed when it is built, the usual case for a board plugin: it answers
 * {@link #descriptor()} and refuses, with the reason, every pack the descriptor does not support, so a plugin writes
 * only how to build a balancer for a pack it supports.
 *
 * @since 1.2
 */
@ConsumerType
public abstract class DescribedModel implements BalancerModel {

    private final ModelDescriptor descriptor;

    protected DescribedModel(ModelDescriptor descriptor) {
        this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
    }

    @Override
    public final ModelDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public final Balancer create(PackDescription pack) {
        descriptor.requireSupports(pack);
        return createSupported(pack);
    }

    /** Creates the balancer for one pack the descriptor supports, as if a fresh board were wired to it. */
    protected abstract Balancer createSupported(PackDescription pack);
}
