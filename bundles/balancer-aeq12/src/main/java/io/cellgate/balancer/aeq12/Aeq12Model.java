package io.cellgate.balancer.aeq12;

import io.cellgate.api.balancer.Balancer;
import io.cellgate.api.balancer.BalancerModel;
import io.cellgate.api.balancer.DescribedModel;
import io.cellgate.api.balancer.ModelDescriptor;
import io.cellgate.api.balancer.Topology;
import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackDescription;
import java.util.Set;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * The 1.2 A adjacent equalizer with one {@link Aeq12Profile}: a plain class, usable without a framework. As a DS
 * component it is the board exactly as its listing describes it ({@link Aeq12Profile#LISTING}), always there.
 * "common for ternary iron battery": NCM and LFP. The listing names no string count; the board is taken to be wired
 * for the pack, 2 to 24 cells (an assumption: the range of the class's best documented board, the EK-L20S1A
 * series, "Supports 2 to 24 battery strings").
 */
@Component(service = BalancerModel.class, configurationPolicy = ConfigurationPolicy.IGNORE, property = {
        BalancerModel.MODEL + "=" + Aeq12Model.MODEL_ID,
        BalancerModel.VARIANT + "=" + Aeq12Model.LISTING_VARIANT,
        BalancerModel.VENDOR + "=" + Aeq12Model.VENDOR_NAME })
public class Aeq12Model extends DescribedModel {

    /** Model id, the {@value BalancerModel#MODEL} service property. */
    public static final String MODEL_ID = "AEQ-1.2A";
    /** The listing names no maker. */
    public static final String VENDOR_NAME = "generic";
    /** Variant of the board as its listing describes it. */
    public static final String LISTING_VARIANT = "listing";
    public static final int MAX_CELLS = 24;

    private final Aeq12Profile profile;

    /** The board as its listing describes it. */
    public Aeq12Model() {
        this(Aeq12Profile.LISTING, LISTING_VARIANT);
    }

    public Aeq12Model(Aeq12Profile profile, String variant) {
        super(new ModelDescriptor(MODEL_ID, variant, VENDOR_NAME, PackDescription.MIN_CELLS, MAX_CELLS,
                Set.of(Chemistry.NCM, Chemistry.LFP), Topology.ADJACENT, profile.maxAmps(), profile.toParameters()));
        this.profile = profile;
    }

    @Override
    protected Balancer createSupported(PackDescription pack) {
        return new Aeq12Balancer(profile, pack.cells());
    }
}
