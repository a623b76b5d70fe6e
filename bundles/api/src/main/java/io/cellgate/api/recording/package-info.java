/**
 * The pack recording format: one CSV file per pack, a row per recorded tick. {@link RecordingFormat} writes it
 * (the CSV recorder), {@link RecordingReader} reads it back (replays, tools), so the format is defined once.
 * A recording names its format version on its first line; a reader refuses a version it does not know.
 * 1.1: {@link RecordingFormat#recordedAmps}, currents written to the microampere.
 */
@Export
@Version("1.1.0")
package io.cellgate.api.recording;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
