/**
 * Scenario reports: one self-contained HTML file per run, comparison or sweep, with uPlot (from its webjar, MIT
 * licence) and the report's own script inlined, so it opens offline; and the table of figures a comparison or a
 * sweep puts side by side (text, CSV, HTML). Written by {@code scenario.jar} and by {@code sim:run}.
 */
@Export
@Version("1.0.0")
package io.cellgate.sim.report;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
