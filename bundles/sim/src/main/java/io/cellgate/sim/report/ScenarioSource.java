package io.cellgate.sim.report;

import io.cellgate.sim.scenario.Scenario;
import java.nio.file.Path;

/**
 * A scenario as a report shows it: the file it came from, its text as written, and what it parsed to.
 *
 * @param file     the scenario file
 * @param text     the file's text, shown in the report as it is
 * @param scenario the scenario parsed from it
 */
public record ScenarioSource(Path file, String text, Scenario scenario) {
}
