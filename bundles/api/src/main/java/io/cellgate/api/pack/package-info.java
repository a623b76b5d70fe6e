/** Packs, cells, adjacent pairs and readings: the domain, in volts and seconds. 1.2: {@code PackHealth.STARTING}.
 * 1.3: {@code PackHealth.STALLED}. 1.4: the pack current of a reading, {@code PackReading.packAmps}, in amperes,
 * charge positive. 1.5: {@code TenthMillivolts}, volts in two bytes for histories;
 * {@code OcvCurve}, the open-circuit voltage of NCM and LFP cells against their charge (moved
 * here from the simulator, so the simulator and the insight share one curve), with its flat parts. */
@Export
@Version("1.5.0")
package io.cellgate.api.pack;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
