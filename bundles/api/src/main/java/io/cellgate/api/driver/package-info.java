/**
 * Driver contracts: where cell voltages come from and where decisions go, for simulated and real hardware alike.
 *
 * <p>1.1: {@code CellVoltageSource.of}, a source from a cell count and what fills a reading.
 */
@Export
@Version("1.1.0")
package io.cellgate.api.driver;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
