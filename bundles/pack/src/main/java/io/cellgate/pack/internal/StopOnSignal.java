package io.cellgate.pack.internal;

import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.launch.Framework;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.component.annotations.Reference;

/**
 * Stops the framework when the JVM is asked to stop (SIGTERM from systemd, Ctrl-C), so that every pack
 * controller deactivates and turns its balance outputs off before the process ends. The launcher alone would
 * let the JVM exit with the outputs in whatever state the last tick left them.
 */
@Component(immediate = true)
public final class StopOnSignal {

    static final long STOP_TIMEOUT_SECONDS = 10;

    private final Thread hook;

    @Activate
    public StopOnSignal(BundleContext context, @Reference(name = "log", service = LoggerFactory.class) Logger log) {
        Framework framework = (Framework) context.getBundle(0);
        hook = new Thread(() -> {
            log.info("stop requested by the JVM: stopping the framework, outputs go off");
            try {
                framework.stop();
                framework.waitForStop(TimeUnit.SECONDS.toMillis(STOP_TIMEOUT_SECONDS));
            } catch (BundleException | InterruptedException e) {
                log.error("framework did not stop cleanly", e);
            }
        }, "cellgate-stop-on-signal");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Deactivate
    void deactivate() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is what is stopping us
        }
    }
}
