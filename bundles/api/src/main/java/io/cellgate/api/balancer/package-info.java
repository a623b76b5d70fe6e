/** The balancer plugin contract: a model service creates a per-pack balancer that turns readings into decisions. */
@Export
@Version("1.3.0")
package io.cellgate.api.balancer;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
