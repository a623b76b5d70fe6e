package io.cellgate.shell;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.cellgate.api.runtime.ExporterHealth;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code cellgate:exporters}: whether each exporter with a thread of its own (the CSV recorders, the MQTT exporters)
 * does its job, so that one that stopped is seen where the operator looks, as Prometheus shows it.
 */
@Component(service = ExporterCommands.class, property = {"osgi.command.scope=cellgate",
        "osgi.command.function=exporters"})
public final class ExporterCommands {

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<ExporterHealth> exporters;

    @Descriptor("list the exporters: up or DOWN, failed attempts since they started, and what is wrong now")
    public String exporters(@Parameter(names = "--json", presentValue = "true", absentValue = "false")
            @Descriptor("machine-readable output") boolean json) {
        List<ExporterHealth> all = exporters == null ? List.of() : exporters.stream()
                .sorted(Comparator.comparing(ExporterHealth::exporter)).toList();
        return json ? Json.print(asJson(all)) : table(all);
    }

    static String table(List<ExporterHealth> all) {
        if (all.isEmpty()) {
            return "no exporter with a thread of its own is configured (recorders and MQTT exporters are)\n";
        }
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-40s %-5s %9s  %s%n", "EXPORTER", "STATE",
                "FAILURES", "PROBLEM"));
        for (ExporterHealth e : all) {
            String problem = e.problem();
            b.append(String.format(Locale.ROOT, "%-40s %-5s %9d  %s%n", e.exporter(), problem == null ? "up" : "DOWN",
                    e.failures(), problem == null ? "-" : problem));
        }
        return b.toString();
    }

    static JsonArray asJson(List<ExporterHealth> all) {
        JsonArray a = new JsonArray();
        for (ExporterHealth e : all) {
            JsonObject o = new JsonObject();
            String problem = e.problem();
            o.addProperty("exporter", e.exporter());
            o.addProperty("up", problem == null);
            o.addProperty("failures", e.failures());
            o.addProperty("problem", problem);
            a.add(o);
        }
        return a;
    }
}
