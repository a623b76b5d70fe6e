/**
 * Test doubles that ship with the API, so that a plugin or an exporter is tested without a framework: a pack state
 * to hand to a listener, and a running pack to show a tool.
 */
@Export
@Version("2.1.0")
package io.cellgate.api.testing;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
