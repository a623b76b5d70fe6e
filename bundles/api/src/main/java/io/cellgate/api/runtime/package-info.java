/**
 * What the pack runtime shows of each running pack: its latest state, its history and its tick figures.
 *
 * <p>2.1: {@link io.cellgate.api.runtime.ExporterHealth}, whether an exporter does its job.
 */
@Export
@Version("2.1.0")
package io.cellgate.api.runtime;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
