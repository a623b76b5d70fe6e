/** Packs, cells, adjacent pairs and readings: the domain, in volts and seconds. */
@Export
@Version("1.2.0")
package io.cellgate.api.pack;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
