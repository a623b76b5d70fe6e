package io.cellgate.balancer.ek;

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
 * The EK-L20S1A model with one {@link EkProfile}: a plain class, so tools and tests use it without a framework.
 *
 * <p>"Adapt Battery Type NCM/LFP". Packs of 2 to {@value PackDescription#MAX_CELLS} cells are accepted: a pack of
 * more cells than the board's strings is a cascade ("Cascading: Support (Not recommended)"), one of fewer is "low
 * strings"; both are reported in every decision's messages, which the pack runtime logs once when they appear.
 *
 * <p>As a DS component it is the 20S board exactly as its datasheet describes it ({@link EkProfile#DATASHEET}),
 * always registered, whatever the configuration; {@link EkVariantModelComponent} registers the tuned ones.
 */
@Component(service = BalancerModel.class, configurationPolicy = ConfigurationPolicy.IGNORE, property = {
        BalancerModel.MODEL + "=" + EkModel.MODEL_ID,
        BalancerModel.VARIANT + "=" + EkModel.DATASHEET_VARIANT,
        BalancerModel.VENDOR + "=" + EkModel.VENDOR_NAME,
        EkModel.STRINGS + ":Integer=" + EkProfile.DATASHEET_STRINGS })
public class EkModel extends DescribedModel {

    /** Model id, the {@value BalancerModel#MODEL} service property. */
    public static final String MODEL_ID = "EK-L20S1A";
    /** Board vendor, the {@value BalancerModel#VENDOR} service property. */
    public static final String VENDOR_NAME = "Enerkey";
    /** Variant name of the board as the datasheet describes it. */
    public static final String DATASHEET_VARIANT = "datasheet";
    /** Service property: the strings of one board of this model. */
    public static final String STRINGS = "cellgate.strings";

    private final EkProfile profile;

    /** The board as its datasheet describes it. */
    public EkModel() {
        this(EkProfile.DATASHEET, DATASHEET_VARIANT);
    }

    public EkModel(EkProfile profile, String variant) {
        super(new ModelDescriptor(MODEL_ID, variant, VENDOR_NAME, PackDescription.MIN_CELLS,
                PackDescription.MAX_CELLS, Set.of(Chemistry.NCM, Chemistry.LFP), Topology.ADJACENT,
                profile.maxAmps(), profile.toParameters()));
        this.profile = profile;
    }

    @Override
    protected Balancer createSupported(PackDescription pack) {
        // Cascade and low-strings warnings are in every decision's messages: the pack runtime logs them once.
        return new EkBalancer(profile, pack.cells());
    }
}
