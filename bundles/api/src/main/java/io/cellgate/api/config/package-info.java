/**
 * Configurations as every Cellgate bundle checks them: a component property type read from a configuration's
 * properties with messages an operator can act on ({@link ConfigurationValues}), and one way to refuse a bad
 * configuration before a component sees it, logged once per change of the configuration ({@link RefusalGate}).
 * JDK only: the bundles adapt it to Configuration Admin's plugin and to their logger.
 */
@Export
@Version("1.0.0")
package io.cellgate.api.config;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
