package io.cellgate.shell;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.cellgate.api.balancer.BalancerModel;
import io.cellgate.api.balancer.ModelDescriptor;
import io.cellgate.api.runtime.Pack;
import io.cellgate.api.runtime.PackProperties;
import io.cellgate.api.telemetry.PackView;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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

    /** One registered model with where it comes from. */
    record ModelRow(ModelDescriptor descriptor, String bundle, String version, List<String> packs) {
    }

    @Descriptor("list the balancer models: id/variant, vendor, bundle and version, cells, chemistries, packs using it")
    public String models(@Parameter(names = "--json", presentValue = "true", absentValue = "false")
            @Descriptor("machine-readable output") boolean json) {
        List<ModelRow> rows = rows();
        if (json) {
            JsonArray a = new JsonArray();
            for (ModelRow r : rows) {
                ModelDescriptor d = r.descriptor();
                JsonObject o = new JsonObject();
                o.addProperty("model", d.model());
                o.addProperty("variant", d.variant());
                o.addProperty("vendor", d.vendor());
                o.addProperty("bundle", r.bundle());
                o.addProperty("version", r.version());
                o.addProperty("minCells", d.minCells());
                o.addProperty("maxCells", d.maxCells());
                o.addProperty("topology", d.topology().name());
                o.addProperty("maxAmps", d.maxAmps());
                JsonArray chem = new JsonArray();
                d.chemistries().stream().map(Enum::name).sorted().forEach(chem::add);
                o.add("chemistries", chem);
                JsonObject params = new JsonObject();
                d.parameters().forEach(params::addProperty);
                o.add("parameters", params);
                JsonArray used = new JsonArray();
                r.packs().forEach(used::add);
                o.add("packs", used);
                a.add(o);
            }
            return Json.print(a);
        }
        String format = "%-24s %-8s %-29s %-14s %-5s %-7s %s%n";
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, format, "MODEL", "VENDOR", "BUNDLE", "VERSION",
                "CELLS", "CHEM", "PACKS"));
        for (ModelRow r : rows) {
            ModelDescriptor d = r.descriptor();
            b.append(String.format(Locale.ROOT, format, d.qualifiedName(), d.vendor(), r.bundle(), r.version(),
                    d.minCells() + "-" + d.maxCells(),
                    d.chemistries().stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
                    r.packs().isEmpty() ? "-" : String.join(",", r.packs())));
        }
        return b.toString();
    }

    @Descriptor("swap a pack's balancer model now; the pack keeps ticking, its file in config/ is updated too")
    public String swap(@Descriptor("pack id") String packId,
            @Descriptor("MODEL or MODEL/VARIANT, as cellgate:models lists them") String modelName) throws IOException {
        ModelDescriptor target = resolve(modelName);
        Configuration config = configurations.find(packId);
        String before = rows().stream().filter(r -> r.packs().contains(packId)).map(r -> r.descriptor()
                .qualifiedName()).findFirst().orElse("none");
        String filter = "(&(" + BalancerModel.MODEL + "=" + target.model() + ")(" + BalancerModel.VARIANT + "="
                + target.variant() + "))";
        log.info("{}: swap requested from the shell: {} -> {}", packId, before, target.qualifiedName());
        Path file = configurations.set(config, PackProperties.BALANCER_TARGET, filter);
        return packId + ": " + before + " -> " + target.qualifiedName() + " (" + PackProperties.BALANCER_TARGET + "="
                + filter + ")" + (file == null ? "" : ", " + file.getFileName() + " updated") + "\n";
    }

    /** MODEL/VARIANT, or MODEL alone when it has one variant or a datasheet one. */
    ModelDescriptor resolve(String name) {
        int slash = name.indexOf('/');
        String model = slash < 0 ? name : name.substring(0, slash);
        String variant = slash < 0 ? null : name.substring(slash + 1);
        List<ModelDescriptor> all = rows().stream().map(ModelRow::descriptor).collect(Collectors.toList());
        List<ModelDescriptor> same = all.stream().filter(d -> d.model().equals(model)).collect(Collectors.toList());
        return same.stream()
                .filter(d -> variant == null ? same.size() == 1 || d.variant().equals("datasheet")
                        : d.variant().equals(variant))
                .findFirst()
                .orElseThrow(() -> new CommandError("unknown model '" + name + "'; known models: "
                        + (all.isEmpty() ? "none" : all.stream().map(ModelDescriptor::qualifiedName)
                                .collect(Collectors.joining(", ")))));
    }

    private List<ModelRow> rows() {
        List<Map.Entry<Map<String, Object>, BalancerModel>> list = models == null ? List.of() : models;
        List<Pack> running = packs == null ? List.of() : packs;
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
