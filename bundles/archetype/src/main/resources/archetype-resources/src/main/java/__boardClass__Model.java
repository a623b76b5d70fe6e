package ${package};

import io.cellgate.api.balancer.Balancer;
import io.cellgate.api.balancer.DescribedModel;
import io.cellgate.api.balancer.ModelDescriptor;
import io.cellgate.api.balancer.Topology;
import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackDescription;
import java.util.Map;
import java.util.Set;

/**
 * The ${modelId} board with one set of figures: a plain class, so tests and tools use it without a framework.
 *
 * <p>TODO: fill in what your datasheet says, each figure with the sentence it comes from. The conformance kit reads
 * the parameters by the names of docs/adding-a-board.md ("trigger.volts", "stop.volts", "min.cell.volts",
 * "max.cell.volts", "min.celsius", "max.celsius", "strings", "max.amps") and probes each one you declare; declare
 * "trigger.volts" and it also runs your board on the simulator.
 */
public class ${boardClass}Model extends DescribedModel {

    /** Model id, the cellgate.model service property a pack filters on. */
    public static final String MODEL_ID = "${modelId}";
    /** The vendor, the cellgate.vendor service property. */
    public static final String VENDOR_NAME = "${vendor}";
    /** Variant of the board as its datasheet describes it. */
    public static final String DATASHEET_VARIANT = "datasheet";

    /** TODO: fewest and most cells one board takes. */
    static final int MIN_CELLS = 2;
    static final int MAX_CELLS = 24;
    /** TODO: the board's cell voltage working range, in volts. */
    static final double MIN_CELL_VOLTS = 2.5;
    static final double MAX_CELL_VOLTS = 4.5;

    private final double maxAmps;

    /**
     * @param variant  the cellgate.variant of this model
     * @param maxAmps  the most current any pair is ever driven with, in amperes (TODO: your datasheet's maximum)
     */
    public ${boardClass}Model(String variant, double maxAmps) {
        super(new ModelDescriptor(MODEL_ID, variant, VENDOR_NAME, MIN_CELLS, MAX_CELLS,
                Set.of(Chemistry.NCM, Chemistry.LFP), Topology.ADJACENT, maxAmps, Map.of(
                        "max.amps", maxAmps,
                        "min.cell.volts", MIN_CELL_VOLTS,
                        "max.cell.volts", MAX_CELL_VOLTS)));
        this.maxAmps = maxAmps;
    }

    /** Only called for a pack the descriptor supports: DescribedModel refuses the others, with the reason. */
    @Override
    protected Balancer createSupported(PackDescription pack) {
        return new ${boardClass}Balancer(pack.cells(), MIN_CELL_VOLTS, MAX_CELL_VOLTS, maxAmps);
    }
}
