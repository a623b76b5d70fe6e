package io.cellgate.shell;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.cellgate.api.balancer.ModelDescriptor;
import io.cellgate.api.balancer.PackFit;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.runtime.Pack;
import io.cellgate.operate.ModelRow;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Formats {@code cellgate:models}: the table, with a FITS column when asked about one pack, and its JSON. How a
 * model fits comes from {@link ModelDescriptor#fit}; this class only shows it.
 */
final class ModelListing {

    private static final String FORMAT = "%-24s %-8s %-29s %-14s %-5s %-7s %-7s %-10s%s%n";

    private ModelListing() {
    }

    /** @param pack the pack to show the fit for, or null for none */
    static String table(List<ModelRow> rows, PackDescription pack, List<Pack> running) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, FORMAT, "MODEL", "VENDOR", "BUNDLE", "VERSION",
                "CELLS", "CHEM", "STRINGS", "PACKS", pack == null ? "" : " FITS " + pack.id()));
        StringBuilder reasons = new StringBuilder();
        for (ModelRow r : rows) {
            ModelDescriptor d = r.descriptor();
            String fits = "";
            if (pack != null) {
                PackFit fit = d.fit(pack);
                fits = " " + verdict(fit);
                fit.reasons().forEach(reason -> reasons.append("  ").append(d.qualifiedName()).append(": ")
                        .append(reason).append('\n'));
            }
            b.append(String.format(Locale.ROOT, FORMAT, d.qualifiedName(), d.vendor(), r.bundle(), r.version(),
                    d.minCells() + "-" + d.maxCells(), chemistries(d), strings(d),
                    r.packs().isEmpty() ? "-" : String.join(",", r.packs()), fits));
        }
        if (pack != null) {
            b.append("pack ").append(pack.id()).append(": ").append(pack.cells()).append(' ')
                    .append(pack.chemistry()).append(" cells\n").append(reasons);
        }
        b.append(PackTables.fitWarnings(running));
        return b.toString();
    }

    static JsonArray json(List<ModelRow> rows, PackDescription pack) {
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
            if (pack != null) {
                PackFit fit = d.fit(pack);
                JsonObject f = new JsonObject();
                f.addProperty("pack", pack.id());
                f.addProperty("verdict", fit.verdict().name());
                JsonArray reasons = new JsonArray();
                fit.reasons().forEach(reasons::add);
                f.add("reasons", reasons);
                o.add("fit", f);
            }
            a.add(o);
        }
        return a;
    }

    private static String verdict(PackFit fit) {
        return switch (fit.verdict()) {
            case FITS -> "yes";
            case FITS_WITH_WARNINGS -> "warnings";
            case UNSUPPORTED -> "no";
        };
    }

    private static String chemistries(ModelDescriptor d) {
        return d.chemistries().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    /** The board's string count as {@code 20S}, or {@code -} for a model that declares none. */
    private static String strings(ModelDescriptor d) {
        double s = d.parameter(ModelDescriptor.STRINGS);
        return Double.isNaN(s) ? "-" : (long) s + "S";
    }
}
