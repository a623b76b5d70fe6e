package io.cellgate.pack.internal;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The gateway's exit status. The bnd launcher calls a {@code main.thread} service on its main thread and exits with
 * what it returns; without one it exits with 117 ("framework stopped") even when an operator stopped the gateway on
 * purpose ({@code stop 0}, {@code shutdown}). This one returns 0 as soon as the framework starts stopping, and the
 * launcher then waits for the stop to finish (every pack's outputs off) before the JVM exits.
 */
@Component(immediate = true, property = "main.thread=true")
public final class ExitOnStop implements Callable<Integer> {

    static final int ORDERLY_STOP = 0;
    /** The bnd launcher's "call the next main.thread service": this bundle alone stopped, not the framework. */
    static final int WAIT_FOR_THE_NEXT = 198;

    private final BundleContext context;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final SynchronousBundleListener frameworkStopping;
    private volatile boolean frameworkStops;

    @Activate
    public ExitOnStop(BundleContext context) {
        this.context = context;
        // Synchronous: the framework tells it before it stops any bundle, so the launcher learns the stop is orderly
        // while the bundles are still stopping.
        this.frameworkStopping = event -> {
            if (event.getBundle().getBundleId() == 0 && event.getType() == BundleEvent.STOPPING) {
                frameworkStops = true;
                stopping.countDown();
            }
        };
        context.addBundleListener(frameworkStopping);
    }

    @Override
    public Integer call() throws InterruptedException {
        stopping.await();
        return frameworkStops ? ORDERLY_STOP : WAIT_FOR_THE_NEXT;
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(frameworkStopping);
        if (context.getBundle(0).getState() == Bundle.STOPPING) {
            frameworkStops = true;
        }
        stopping.countDown();
    }
}
