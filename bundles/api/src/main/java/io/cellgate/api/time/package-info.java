/** The clock that paces ticks, so that simulated time and real time drive the same controller. */
@Export
@Version("1.0.0")
package io.cellgate.api.time;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
