package io.cellgate.insight;

import io.cellgate.api.insight.ActiveAlert;
import io.cellgate.api.insight.AlertKind;
import io.cellgate.api.insight.Finding;
import io.cellgate.api.insight.FindingKind;
import io.cellgate.api.pack.CellStatus;
import io.cellgate.api.telemetry.PackView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One pack's alerts, worked out on the insight's thread from the pack's latest view and its findings: each raised
 * once when its condition holds and cleared once when it no longer does (or is switched off), each time told in the
 * log with the wall-clock time. The spread alert waits {@code alert.spread.s} above its threshold before it is raised
 * and clears only below the threshold less its hysteresis. Not thread-safe: its {@link PackLedger} guards it.
 */
final class PackAlerts {

    private final String packId;
    private final Consumer<String> raised;
    private final Consumer<String> cleared;
    private final Map<AlertKind, ActiveAlert> active = new EnumMap<>(AlertKind.class);
    /** When the spread went above its threshold; -1 while it is not. */
    private long spreadAboveSinceMillis = -1;
    /** The tick of the view being evaluated, -1 without one: an alert raised now was raised at it. */
    private long tick = -1;

    PackAlerts(String packId, Consumer<String> raised, Consumer<String> cleared) {
        this.packId = packId;
        this.raised = raised;
        this.cleared = cleared;
    }

    void evaluate(PackView view, List<Finding> findings, PackSettings settings, long nowMillis) {
        tick = view == null ? -1 : view.tick();
        spread(view, settings, nowMillis);
        set(AlertKind.CELL_FAULT, settings.cellFaultAlert() ? cellFaults(view) : null, nowMillis);
        set(AlertKind.WEAK_CELL, settings.weakCellAlert() ? first(findings, f -> f.kind().weakCell()) : null,
                nowMillis);
        set(AlertKind.INEFFECTIVE_BALANCING, settings.ineffectiveAlert()
                ? first(findings, f -> f.kind().ineffectiveBalancing()) : null, nowMillis);
        set(AlertKind.NEVER_SLEEPS, settings.neverSleepsAlert()
                ? first(findings, f -> f.kind() == FindingKind.NEVER_SLEEPS) : null,
                nowMillis);
    }

    private void spread(PackView view, PackSettings settings, long nowMillis) {
        double spread = view == null ? Double.NaN : view.spreadVolts();
        if (!settings.spreadAlert() || spread != spread) {
            spreadAboveSinceMillis = -1;
            if (!settings.spreadAlert()) {
                set(AlertKind.SPREAD, null, nowMillis);
            }
            return;
        }
        if (spread > settings.spreadVolts()) {
            if (spreadAboveSinceMillis < 0) {
                spreadAboveSinceMillis = nowMillis;
            }
            if (nowMillis - spreadAboveSinceMillis >= settings.spreadSeconds() * 1000) {
                set(AlertKind.SPREAD, String.format(Locale.ROOT, "the spread is %.1f mV, above %.0f mV for %.0f s",
                        spread * 1000, settings.spreadVolts() * 1000,
                        (nowMillis - spreadAboveSinceMillis) / 1000.0), nowMillis);
            }
        } else {
            spreadAboveSinceMillis = -1;
            if (spread < settings.spreadVolts() - settings.spreadHysteresisVolts()) {
                set(AlertKind.SPREAD, null, nowMillis);
            }
        }
    }

    private static String cellFaults(PackView view) {
        if (view == null) {
            return null;
        }
        List<String> faults = new ArrayList<>();
        for (int c = 0; c < view.cells(); c++) {
            CellStatus status = view.status(c);
            if (status == CellStatus.OPEN_WIRE || status == CellStatus.OUT_OF_RANGE) {
                faults.add("cell " + (c + 1) + " " + status.name().toLowerCase(Locale.ROOT).replace('_', ' '));
            }
        }
        return faults.isEmpty() ? null : String.join(", ", faults);
    }

    private static String first(List<Finding> findings, Predicate<Finding> which) {
        return findings.stream().filter(which).map(Finding::message).findFirst().orElse(null);
    }

    /** Raises {@code kind} with {@code message}, or clears it for a null message; each change told once. */
    private void set(AlertKind kind, String message, long nowMillis) {
        ActiveAlert now = active.get(kind);
        if (message == null) {
            if (now != null) {
                active.remove(kind);
                cleared.accept(packId + ": alert " + kind.id() + " cleared at " + Instant.ofEpochMilli(nowMillis)
                        + " (raised at " + Instant.ofEpochMilli(now.sinceMillis()) + ")");
            }
        } else if (now == null) {
            active.put(kind, new ActiveAlert(kind, message, tick, nowMillis));
            raised.accept(packId + ": alert " + kind.id() + " raised at " + Instant.ofEpochMilli(nowMillis) + ": "
                    + message);
        } else if (!now.message().equals(message)) {
            active.put(kind, new ActiveAlert(kind, message, now.sinceTick(), now.sinceMillis())); // figures move on quietly
        }
    }

    List<ActiveAlert> active() {
        return List.copyOf(active.values());
    }
}
