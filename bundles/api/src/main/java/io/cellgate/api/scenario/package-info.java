/**
 * Scenario runs on the gateway: the recent runs of {@code sim:run}, each with its JSON result and its HTML report,
 * so that the web console can list them and open their files. 1.0: {@link io.cellgate.api.scenario.ScenarioResults}
 * and {@link io.cellgate.api.scenario.ScenarioRun}.
 */
@Export
@Version("1.0.0")
package io.cellgate.api.scenario;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
