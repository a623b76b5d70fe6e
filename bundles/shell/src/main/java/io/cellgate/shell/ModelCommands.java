package io.cellgate.shell;

import io.cellgate.api.balancer.BalancerModel;
import io.cellgate.api.balancer.ModelDescriptor;
import io.cellgate.api.balancer.PackFit;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.runtime.Pack;
import io.cellgate.api.runtime.PackProperties;
import io.cellgate.api.telemetry.PackView;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/** The balancer models of the gateway, and swapping a pack's model: {@code cellgate:models}, {@code cellgate:swap}. */
@Component(service = ModelCommands.class, property = {"osgi.command.scope=cellgate",
        "osgi.command.function=models", "osgi.command.function=swap"})
public final class ModelCommands {

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<Map.Entry<Map<String, Object>, BalancerModel>> models;

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<Pack> packs;

    private final BundleContext context;
    private final PackConfigurations configurations;
    private final Logger log;

    @Activate
    public ModelCommands(BundleContext context, @Reference ConfigurationAdmin configAdmin,
            @Reference(name = "log", service = LoggerFactory.class) Logger log) {
        this.context = context;
        this.configurations = new PackConfigurations(configAdmin);
        this.log = log;
    }

    /** The variant a model name alone chooses when the model has several. */
    static final String DEFAULT_VARIANT = "datasheet";

    /** One registered model with where it comes from. */
    record ModelRow(ModelDescriptor descriptor, String bundle, String version, List<String> packs) {
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
        PackDescription pack = packId == null ? null : pack(packId).description();
        List<ModelRow> rows = rows();
        return json ? Json.print(ModelListing.json(rows, pack)) : ModelListing.table(rows, pack, runningPacks());
    }

    @Descriptor("swap a pack's balancer model now; the pack keeps ticking, its file in config/ is updated too")
    public String swap(@Parameter(names = "--force", presentValue = "true", absentValue = "false")
            @Descriptor("swap to a model that fits the pack only with warnings (low strings, a cascade)") boolean force,
            @Descriptor("pack id") String packId,
            @Descriptor("MODEL or MODEL/VARIANT, as cellgate:models lists them") String modelName) throws IOException {
        ModelDescriptor target = resolve(modelName);
        Configuration config = configurations.find(packId);
        PackFit fit = fitOfRunning(packId, target);
        if (!fit.supported()) {
            throw new CommandError(target.qualifiedName() + " " + fit.summary()
                    + "; choose a model that cellgate:models " + packId + " shows as fitting");
        }
        if (!fit.warnings().isEmpty() && !force) {
            throw new CommandError(target.qualifiedName() + " " + fit.summary() + "; to use it anyway: "
                    + "cellgate:swap --force " + packId + " " + target.qualifiedName()
                    + ", or choose one that fits: cellgate:models " + packId);
        }
        String before = rows().stream().filter(r -> r.packs().contains(packId)).map(r -> r.descriptor()
                .qualifiedName()).findFirst().orElse("none");
        String filter = "(&(" + BalancerModel.MODEL + "=" + target.model() + ")(" + BalancerModel.VARIANT + "="
                + target.variant() + "))";
        log.info("{}: swap requested from the shell: {} -> {}", packId, before, target.qualifiedName());
        Path file = configurations.set(config, PackProperties.BALANCER_TARGET, filter);
        StringBuilder out = new StringBuilder(packId + ": " + before + " -> " + target.qualifiedName() + " ("
                + PackProperties.BALANCER_TARGET + "=" + filter + ")"
                + (file == null ? "" : ", " + file.getFileName() + " updated") + "\n");
        fit.warnings().forEach(w -> out.append("warning: ").append(w).append('\n'));
        return out.toString();
    }

    /** How the model fits the running pack; a pack that is configured but not running yet is not checked. */
    private PackFit fitOfRunning(String packId, ModelDescriptor model) {
        return runningPacks().stream().filter(p -> p.description().id().equals(packId)).findFirst()
                .map(p -> model.fit(p.description())).orElse(PackFit.FITS);
    }

    /** MODEL/VARIANT, or MODEL alone when it has one variant or a datasheet one; else the variants to choose from. */
    ModelDescriptor resolve(String name) {
        int slash = name.indexOf('/');
        String model = slash < 0 ? name : name.substring(0, slash);
        String variant = slash < 0 ? null : name.substring(slash + 1);
        List<ModelDescriptor> all = rows().stream().map(ModelRow::descriptor).collect(Collectors.toList());
        List<ModelDescriptor> same = all.stream().filter(d -> d.model().equals(model)).collect(Collectors.toList());
        if (same.isEmpty()) {
            throw new CommandError("unknown model '" + name + "'; known models: "
                    + (all.isEmpty() ? "none" : names(all)));
        }
        if (variant != null) {
            return same.stream().filter(d -> d.variant().equals(variant)).findFirst()
                    .orElseThrow(() -> new CommandError("unknown variant '" + variant + "' of " + model
                            + "; its variants: " + names(same)));
        }
        if (same.size() == 1) {
            return same.get(0);
        }
        return same.stream().filter(d -> d.variant().equals(DEFAULT_VARIANT)).findFirst()
                .orElseThrow(() -> new CommandError(model + " has " + same.size()
                        + " variants and no default; name one: " + names(same)));
    }

    private static String names(List<ModelDescriptor> models) {
        return models.stream().map(ModelDescriptor::qualifiedName).collect(Collectors.joining(", "));
    }

    private Pack pack(String packId) {
        List<Pack> all = runningPacks();
        return all.stream().filter(p -> p.description().id().equals(packId)).findFirst()
                .orElseThrow(() -> new CommandError("unknown pack '" + packId + "'; known packs: "
                        + (all.isEmpty() ? "none" : all.stream().map(p -> p.description().id()).sorted()
                                .collect(Collectors.joining(", ")))));
    }

    private List<Pack> runningPacks() {
        List<Pack> running = packs;
        return running == null ? List.of() : running;
    }

    private List<ModelRow> rows() {
        List<Map.Entry<Map<String, Object>, BalancerModel>> list = models == null ? List.of() : models;
        List<Pack> running = runningPacks();
        List<ModelRow> rows = new ArrayList<>();
        for (Map.Entry<Map<String, Object>, BalancerModel> e : list) {
            ModelDescriptor d;
            try {
                d = e.getValue().descriptor();
            } catch (RuntimeException broken) {
                continue; // a plugin that cannot describe itself is not offered
            }
            Object id = e.getKey().get(Constants.SERVICE_BUNDLEID);
            Bundle bundle = id == null ? null : context.getBundle((Long) id);
            List<String> using = running.stream().filter(p -> {
                PackView s = p.latest();
                return s != null && d.qualifiedName().equals(s.model());
            }).map(p -> p.description().id()).sorted().collect(Collectors.toList());
            rows.add(new ModelRow(d, bundle == null ? "?" : bundle.getSymbolicName(),
                    bundle == null ? "?" : bundle.getVersion().toString(), using));
        }
        rows.sort(Comparator.comparing(r -> r.descriptor().qualifiedName()));
        return rows;
    }
}
