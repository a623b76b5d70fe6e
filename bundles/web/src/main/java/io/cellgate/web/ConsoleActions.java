package io.cellgate.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.cellgate.api.balancer.BalancerModel;
import io.cellgate.api.balancer.ModelDescriptor;
import io.cellgate.api.balancer.PackFit;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.runtime.Pack;
import io.cellgate.api.runtime.PackProperties;
import io.cellgate.api.telemetry.PackView;
import io.cellgate.operate.ModelRow;
import io.cellgate.operate.PackOperations;
import io.cellgate.operate.SwapRefusal;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeService;

/**
 * The operator's actions on the pack page, by the shell's rules and code ({@link PackOperations}):
 * <ul>
 * <li>{@code GET /api/packs/<id>/models}: the registered models, each with how it fits the pack;</li>
 * <li>{@code GET /api/packs/<id>/properties}: what may be set, from the pack's metatype, with range and value;</li>
 * <li>{@code POST /api/packs/<id>/swap} {@code {"model", "confirm"}}: as {@code cellgate:swap} (confirm is its
 * {@code --force}); a model that fits with warnings is answered 409 with {@code "confirmable": true};</li>
 * <li>{@code POST /api/packs/<id>/set} {@code {"property", "value"}}: as {@code cellgate:set}.</li>
 * </ul>
 * Who may ask is {@link ConsoleAccess}'s business, checked before this is called.
 */
@Component(service = ConsoleActions.class)
public final class ConsoleActions {

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<Map.Entry<Map<String, Object>, BalancerModel>> models;

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<Pack> packs;

    private final PackOperations operations;

    @Activate
    public ConsoleActions(BundleContext context, @Reference ConfigurationAdmin configAdmin,
            @Reference MetaTypeService metaType, @Reference(service = LoggerFactory.class) Logger log) {
        this.operations = new PackOperations(context, configAdmin, metaType, () -> packs, () -> models, log);
    }

    /** The models for the pack page: each with its fit to the running pack, the one in use marked. */
    JsonArray models(String packId) {
        Pack pack = operations.pack(packId);
        PackDescription d = pack.description();
        PackView latest = pack.latest();
        JsonArray a = new JsonArray();
        for (ModelRow r : operations.models()) {
            ModelDescriptor m = r.descriptor();
            PackFit fit = m.fit(d);
            JsonObject o = new JsonObject();
            o.addProperty("name", m.qualifiedName());
            o.addProperty("vendor", m.vendor());
            o.addProperty("cells", m.minCells() + "-" + m.maxCells());
            o.addProperty("verdict", fit.verdict().name());
            o.addProperty("summary", fit.summary());
            o.addProperty("current", latest != null && m.qualifiedName().equals(latest.model()));
            a.add(o);
        }
        return a;
    }

    /**
     * The properties an operator may set on the page: the pack's metatype less its id, and less its model, which
     * the swap changes (by the fit rules, which a raw {@code balancer.target} would skip).
     */
    JsonArray properties(String packId) throws IOException {
        operations.pack(packId);
        Dictionary<String, Object> now = operations.configuration(packId).getProperties();
        JsonArray a = new JsonArray();
        for (AttributeDefinition ad : operations.properties()) {
            if (ad.getID().equals(PackProperties.BALANCER_TARGET)) {
                continue;
            }
            JsonObject o = new JsonObject();
            o.addProperty("id", ad.getID());
            o.addProperty("name", ad.getName());
            o.addProperty("description", ad.getDescription());
            o.addProperty("range", PackOperations.range(ad));
            Object value = now == null ? null : now.get(ad.getID());
            String[] defaults = ad.getDefaultValue();
            o.addProperty("value", value != null ? String.valueOf(value)
                    : defaults != null && defaults.length > 0 ? defaults[0] : "");
            String[] options = ad.getOptionValues();
            if (options != null && options.length > 0) {
                JsonArray opts = new JsonArray();
                for (String v : options) {
                    opts.add(v);
                }
                o.add("options", opts);
            }
            a.add(o);
        }
        return a;
    }

    /** A swap asked for from the page; the reply says what happened, or why not (4xx). */
    void swap(String packId, JsonObject body, String who, HttpServletResponse resp) throws IOException {
        boolean confirm = body.has("confirm") && body.get("confirm").isJsonPrimitive()
                && body.get("confirm").getAsBoolean();
        PackOperations.Swapped s;
        try {
            s = operations.swap(packId, JsonHttp.text(body, "model"), confirm, who);
        } catch (SwapRefusal e) {
            resp.setStatus(HttpServletResponse.SC_CONFLICT);
            JsonObject o = new JsonObject();
            o.addProperty("error", e.getMessage() + (e.confirmable() ? "; confirm to use it anyway"
                    : "; choose a model that fits"));
            o.addProperty("confirmable", e.confirmable());
            JsonHttp.json(resp, o);
            return;
        }
        done(resp, s.line(), s.warnings());
    }

    /** A property set from the page; a refused value is answered 400 with the shell's message. */
    void set(String packId, JsonObject body, String who, HttpServletResponse resp) throws IOException {
        PackOperations.Changed c = operations.set(packId, JsonHttp.text(body, "property"),
                JsonHttp.text(body, "value"), who);
        done(resp, c.line(), c.warnings());
    }

    private static void done(HttpServletResponse resp, String line, List<String> warnings) throws IOException {
        JsonObject o = new JsonObject();
        o.addProperty("message", line);
        JsonArray w = new JsonArray();
        warnings.forEach(w::add);
        o.add("warnings", w);
        JsonHttp.json(resp, o);
    }
}
