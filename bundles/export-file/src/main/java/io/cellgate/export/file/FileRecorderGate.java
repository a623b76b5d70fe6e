package io.cellgate.export.file;

import io.cellgate.gate.GateActivator;
import org.osgi.annotation.bundle.Header;
import org.osgi.framework.Constants;

/**
 * Checks each configuration of {@link FileRecorder} before SCR hands it over ({@link GateActivator}): a recorder refused is
 * logged once per change of its file and never activated, so no pack binding its listener makes SCR try it again.
 */
@Header(name = Constants.BUNDLE_ACTIVATOR, value = "${@class}")
public final class FileRecorderGate extends GateActivator {

    public FileRecorderGate() {
        super("recorder", "directory", RecorderSettings::check, FileRecorder.PID);
    }
}
