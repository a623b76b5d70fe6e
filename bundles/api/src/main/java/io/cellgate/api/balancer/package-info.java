/**
 * The balancer plugin contract: a model service creates a per-pack balancer that turns readings into decisions.
 *
 * <p>1.4: {@code CellMessages}, a board's per-cell operator messages built once; {@code Microvolts}, the unit
 * thresholds are compared in.
 */
@Export
@Version("1.4.0")
package io.cellgate.api.balancer;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
