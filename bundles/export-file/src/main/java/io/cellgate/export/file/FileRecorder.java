package io.cellgate.export.file;

import io.cellgate.api.runtime.ExporterHealth;
import io.cellgate.api.telemetry.RateGate;
import io.cellgate.api.telemetry.PackListener;
import io.cellgate.api.telemetry.PackState;
import io.cellgate.api.telemetry.PackView;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

/**
 * One CSV recorder per factory configuration {@code io.cellgate.export.file}: when a pack is due it takes a
 * {@link PackView} on the tick and hands it to its own writer thread; nothing touches the disk on the tick.
 */
@Component(configurationPid = FileRecorder.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {PackListener.class, ExporterHealth.class}, immediate = true)
@Designate(ocd = FileRecorderConfig.class, factory = true)
public final class FileRecorder implements PackListener, ExporterHealth {

    static final long JOIN_MILLIS = TimeUnit.SECONDS.toMillis(10);
    /** Factory PID of the recorders. */
    static final String PID = "io.cellgate.export.file";

    private final Logger log;
    private final RecorderSettings settings;
    private final RateGate gate;
    private final RecorderLoop loop;
    private final Thread thread;

    @Activate
    public FileRecorder(FileRecorderConfig config, @Reference(name = "log", service = LoggerFactory.class) Logger log) {
        this.log = log;
        try {
            this.settings = RecorderSettings.of(config);
        } catch (IllegalArgumentException e) {
            log.error("recorder: configuration refused: {}", e.getMessage());
            throw e;
        }
        gate = new RateGate(settings.intervalNanos());
        loop = new RecorderLoop(settings, log::info, log::warn);
        thread = new Thread(loop, "cellgate-recorder " + settings.directory());
        thread.setDaemon(true);
        thread.start();
        log.info("recorder: every pack to {} every {} ms, {} rotation", settings.directory().toAbsolutePath(),
                TimeUnit.NANOSECONDS.toMillis(settings.intervalNanos()), settings.rotation().name().toLowerCase(java.util.Locale.ROOT));
    }

    /** Writes what is queued, flushes and closes every file before the component goes. */
    @Deactivate
    void deactivate() throws InterruptedException {
        loop.stop();
        thread.join(JOIN_MILLIS);
        if (thread.isAlive()) {
            log.warn("recorder {}: writer did not end within {} ms", settings.directory(), JOIN_MILLIS);
        } else {
            log.info("recorder {}: closed after {} rows", settings.directory(), loop.written());
        }
    }

    @Override
    public String exporter() {
        return "recorder " + settings.directory();
    }

    @Override
    public long failures() {
        return loop.failures();
    }

    @Override
    public String problem() {
        if (!thread.isAlive()) {
            return "its writer thread has ended and no row is written: see the log, then restart the recorders "
                    + "with scr:disable and scr:enable " + FileRecorder.class.getName();
        }
        return loop.problem();
    }

    @Override
    public void onTick(PackState state) {
        if (gate.due(state.pack().id(), state.reading().timeNanos())) {
            PackView view = PackView.of(state);
            loop.offer(view);
        }
    }
}
