/** What the pack runtime shows of each running pack: its latest state, its history and its tick figures. */
@Export
@Version("2.0.0")
package io.cellgate.api.runtime;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
