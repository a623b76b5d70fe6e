/**
 * The tick of one pack as plain Java: read, validate, decide, drive, publish. No OSGi types here, so that the
 * same engine runs in the gateway, in tests and in benchmarks.
 */
package io.cellgate.pack.engine;
