package io.cellgate.sim.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rows of a comparison or a sweep: for people (aligned text), for tools (CSV, RFC 4180) and for the report.
 * Each row is a run's parameters (a sweep's) and its {@link Figures}, or the reason it did not run.
 */
public final class Table {

    /** One run: the values it was given (empty for a comparison), its figures, or why it did not run. */
    public record Row(String model, Map<String, String> parameters, Figures figures, String refused) {
    }

    public static final List<String> FIGURES = List.of("balanced_at_s", "idle_at_s", "final_adjacent_mv", "final_spread_mv",
            "energy_lost_wh", "charge_moved_ah", "board_energy_wh", "awake_percent", "peak_pair_a", "warnings");

    private final List<String> parameters;
    private final List<Row> rows = new ArrayList<>();

    public Table(List<String> parameters) {
        this.parameters = List.copyOf(parameters);
    }

    public void add(Row row) {
        rows.add(row);
    }

    public List<Row> rows() {
        return rows;
    }

    public List<String> parameters() {
        return parameters;
    }

    public List<String> header() {
        List<String> h = new ArrayList<>();
        h.add("model");
        h.addAll(parameters);
        h.addAll(FIGURES);
        return h;
    }

    /** The cells of a row, as text, in the header's order; a run that did not happen says why in its figures. */
    public List<String> cells(Row r) {
        List<String> c = new ArrayList<>();
        c.add(r.model());
        for (String p : parameters) {
            c.add(r.parameters().getOrDefault(p, ""));
        }
        if (r.figures() == null) {
            c.add("refused: " + r.refused());
            for (int i = 1; i < FIGURES.size(); i++) {
                c.add("");
            }
            return c;
        }
        Figures f = r.figures();
        c.add(f.balancedAtSeconds() == null ? "never" : number(f.balancedAtSeconds(), 0));
        c.add(f.idleAtSeconds() == null ? "never" : number(f.idleAtSeconds(), 0));
        c.add(number(f.adjacentVolts() * 1000, 1));
        c.add(number(f.spreadVolts() * 1000, 1));
        c.add(number(f.energyLostWh(), 4));
        c.add(number(f.chargeMovedAh(), 4));
        c.add(number(f.boardEnergyWh(), 4));
        c.add(number(f.awakeShare() * 100, 1));
        c.add(number(f.peakPairAmps(), 3));
        c.add(Integer.toString(f.warnings()));
        return c;
    }

    public static String number(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** Aligned columns for a terminal; the reason a run was refused follows the table, so the columns stay narrow. */
    public String text() {
        List<List<String>> all = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        all.add(header());
        for (int i = 0; i < rows.size(); i++) {
            List<String> c = cells(rows.get(i));
            if (rows.get(i).figures() == null) {
                c.set(1 + parameters.size(), "refused");
                reasons.add(String.join(" ", c.subList(0, 1 + parameters.size())) + ": " + rows.get(i).refused());
            }
            all.add(c);
        }
        int[] width = new int[all.get(0).size()];
        for (List<String> line : all) {
            for (int i = 0; i < line.size(); i++) {
                width[i] = Math.max(width[i], line.get(i).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (List<String> line : all) {
            for (int i = 0; i < line.size(); i++) {
                String cell = line.get(i);
                sb.append(i == 0 ? String.format("%-" + width[i] + "s", cell)
                        : "  " + String.format("%" + width[i] + "s", cell));
            }
            sb.append(System.lineSeparator());
        }
        for (String r : reasons) {
            sb.append("refused: ").append(r).append(System.lineSeparator());
        }
        return sb.toString();
    }

    /** RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. */
    public void csv(Writer w) throws IOException {
        line(w, header());
        for (int i = 0; i < rows.size(); i++) {
            line(w, cells(rows.get(i)));
        }
    }

    private static void line(Writer w, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            String f = fields.get(i);
            if (i > 0) {
                w.write(',');
            }
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                w.write('"' + f.replace("\"", "\"\"") + '"');
            } else {
                w.write(f);
            }
        }
        w.write("\r\n");
    }
}
