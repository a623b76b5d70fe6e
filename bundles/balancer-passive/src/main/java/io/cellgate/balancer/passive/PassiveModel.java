package io.cellgate.balancer.passive;

import io.cellgate.api.balancer.Balancer;
import io.cellgate.api.balancer.BalancerModel;
import io.cellgate.api.balancer.DescribedModel;
import io.cellgate.api.balancer.ModelDescriptor;
import io.cellgate.api.balancer.Topology;
import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackDescription;
import java.util.Set;

/**
 * The passive bleed board with one {@link PassiveProfile}: a plain class, so tools and tests use it without a
 * framework. A bleed board has one switch and resistor per cell, so it takes any pack of 2 to
 * {@value PackDescription#MAX_CELLS} NCM or LFP cells.
 */
public class PassiveModel extends DescribedModel {

    /** Model id, the {@value BalancerModel#MODEL} service property. */
    public static final String MODEL_ID = "PASSIVE-BLEED";
    /** The strategies are open source, the board generic: Cellgate names it. */
    public static final String VENDOR_NAME = "Cellgate";
    /** Variant of the foxBMS 2 voltage-based strategy. */
    public static final String FOXBMS_VARIANT = "foxbms";
    /** Variant of the Libre Solar bms-firmware strategy. */
    public static final String LIBRESOLAR_VARIANT = "libresolar";

    private final PassiveProfile profile;

    public PassiveModel(PassiveProfile profile, String variant) {
        super(new ModelDescriptor(MODEL_ID, variant, VENDOR_NAME, PackDescription.MIN_CELLS,
                PackDescription.MAX_CELLS, Set.of(Chemistry.NCM, Chemistry.LFP), Topology.BLEED, profile.maxAmps(),
                profile.toParameters()));
        this.profile = profile;
    }

    @Override
    protected Balancer createSupported(PackDescription pack) {
        return new PassiveBalancer(profile, pack.chemistry(), pack.cells());
    }
}
