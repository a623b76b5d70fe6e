/** Driver contracts: where cell voltages come from and where decisions go, for simulated and real hardware alike. */
@Export
@Version("1.0.0")
package io.cellgate.api.driver;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
