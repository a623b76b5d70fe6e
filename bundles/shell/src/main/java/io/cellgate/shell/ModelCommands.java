package io.cellgate.shell;

import io.cellgate.api.balancer.BalancerModel;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.runtime.Pack;
import io.cellgate.operate.ModelRow;
import io.cellgate.operate.PackOperations;
import io.cellgate.operate.SwapRefusal;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.MetaTypeService;

/** The balancer models of the gateway, and swapping a pack's model: {@code cellgate:models}, {@code cellgate:swap}. */
@Component(service = ModelCommands.class, property = {"osgi.command.scope=cellgate",
        "osgi.command.function=models", "osgi.command.function=swap"})
public final class ModelCommands {

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<Map.Entry<Map<String, Object>, BalancerModel>> models;

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<Pack> packs;

    private final PackOperations operations;

    @Activate
    public ModelCommands(BundleContext context, @Reference ConfigurationAdmin configAdmin,
            @Reference MetaTypeService metaType,
            @Reference(name = "log", service = LoggerFactory.class) Logger log) {
        this.operations = new PackOperations(context, configAdmin, metaType, () -> packs, () -> models, log);
    }

    @Descriptor("list the balancer models: id/variant, vendor, bundle and version, cells, chemistries, packs using it")
    public String models(@Parameter(names = "--json", presentValue = "true", absentValue = "false")
            @Descriptor("machine-readable output") boolean json) {
        return models(json, null);
    }

    @Descriptor("list the balancer models and whether each fits a pack: string count and chemistry, with the reason")
    public String models(@Parameter(names = "--json", presentValue = "true", absentValue = "false")
            @Descriptor("machine-readable output") boolean json,
            @Descriptor("pack id: adds a FITS column for this pack") String packId) {
        PackDescription pack = packId == null ? null : operations.pack(packId).description();
        List<ModelRow> rows = operations.models();
        return json ? Json.print(ModelListing.json(rows, pack)) : ModelListing.table(rows, pack, operations.running());
    }

    @Descriptor("swap a pack's balancer model now; the pack keeps ticking, its file in config/ is updated too")
    public String swap(@Parameter(names = "--force", presentValue = "true", absentValue = "false")
            @Descriptor("swap to a model that fits the pack only with warnings (low strings, a cascade)") boolean force,
            @Descriptor("pack id") String packId,
            @Descriptor("MODEL or MODEL/VARIANT, as cellgate:models lists them") String modelName) throws IOException {
        PackOperations.Swapped s;
        try {
            s = operations.swap(packId, modelName, force, ConfigCommands.THE_SHELL);
        } catch (SwapRefusal e) {
            throw new CommandError(e.getMessage() + (e.confirmable() ? "; to use it anyway: cellgate:swap --force "
                    + packId + " " + operations.resolve(modelName).qualifiedName() + ", or choose one that fits: "
                    + "cellgate:models " + packId : "; choose a model that cellgate:models " + packId
                    + " shows as fitting"));
        }
        StringBuilder out = new StringBuilder(s.line() + "\n");
        s.warnings().forEach(w -> out.append("warning: ").append(w).append('\n'));
        return out.toString();
    }
}
