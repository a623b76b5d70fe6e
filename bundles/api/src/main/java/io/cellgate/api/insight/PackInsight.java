package io.cellgate.api.insight;

import io.cellgate.api.pack.PackDescription;
import java.util.List;
import java.util.Optional;

/**
 * One pack's insight at one moment: per cell estimates, findings in words, the alerts raised. Immutable.
 *
 * @param pack      the pack
 * @param atMillis  when it was worked out, wall clock
 * @param cells     one estimate per cell, in order
 * @param findings  what was found, weak cells first
 * @param alerts    the alerts raised now, in the order of {@link AlertKind}
 * @param notes     what the insight cannot work out and why (no pack current, a flat curve), for a person
 */
public record PackInsight(PackDescription pack, long atMillis, List<CellEstimate> cells, List<Finding> findings,
        List<ActiveAlert> alerts, List<String> notes) {

    public PackInsight {
        if (pack == null || cells == null || findings == null || alerts == null || notes == null) {
            throw new IllegalArgumentException("a pack insight needs a pack, cells, findings, alerts and notes");
        }
        if (cells.size() != pack.cells()) {
            throw new IllegalArgumentException("the insight of " + pack.id() + " must estimate its " + pack.cells()
                    + " cells");
        }
        cells = List.copyOf(cells);
        findings = List.copyOf(findings);
        alerts = List.copyOf(alerts);
        notes = List.copyOf(notes);
    }

    /** The alert of kind {@code kind} if it is raised. */
    public Optional<ActiveAlert> alert(AlertKind kind) {
        return alerts.stream().filter(a -> a.kind() == kind).findFirst();
    }

    /** The weak cell's finding, if one was found. */
    public Optional<Finding> weakCell() {
        return findings.stream().filter(f -> f.kind().weakCell()).findFirst();
    }
}
