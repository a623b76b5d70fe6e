package io.cellgate.api.balancer;

import io.cellgate.api.pack.PackDescription;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A balancer board model, registered as an OSGi service by its plugin bundle with the properties
 * {@value #MODEL}, {@value #VARIANT} and {@value #VENDOR}, so that a pack chooses it with a filter such as
 * {@code (&(cellgate.model=EK-L20S1A)(cellgate.variant=datasheet))}.
 */
@ConsumerType
public interface BalancerModel {

    /** Service property: the model id. */
    String MODEL = "cellgate.model";
    /** Service property: the variant of the model. */
    String VARIANT = "cellgate.variant";
    /** Service property: the vendor. */
    String VENDOR = "cellgate.vendor";

    ModelDescriptor descriptor();

    /**
     * Creates the balancer for one pack, as if a fresh board were wired to it.
     *
     * @throws IllegalArgumentException when the model does not support the pack, with the reason
     */
    Balancer create(PackDescription pack);
}
