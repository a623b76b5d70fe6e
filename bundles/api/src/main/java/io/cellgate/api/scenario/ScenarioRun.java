package io.cellgate.api.scenario;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * One finished scenario run and the files it wrote.
 *
 * @param id                names the run among the recent ones: letters, digits, {@code .}, {@code -} and
 *                          {@code _} only, so it can stand in a URL
 * @param scenario          the scenario's name
 * @param model             the balancer, {@code model/variant}
 * @param finishedAt        when the run ended (the result file's time after a restart)
 * @param balancedAtSeconds simulated seconds until the pack was balanced by the model's stop threshold, or null when
 *                          it never was
 * @param finalSpreadVolts  the largest adjacent difference at the end
 * @param result            the JSON result, an absolute path
 * @param report            the HTML report, an absolute path, or null when the run wrote none
 */
public record ScenarioRun(String id, String scenario, String model, Instant finishedAt, Double balancedAtSeconds,
        double finalSpreadVolts, Path result, Path report) {

    public ScenarioRun {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[A-Za-z0-9._-]+") || id.startsWith(".")) {
            throw new IllegalArgumentException("a run's id may hold letters, digits, '.', '-' and '_' only and not "
                    + "start with '.', not '" + id + "'");
        }
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(result, "result");
    }
}
