package io.cellgate.shell;

import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * {@code shutdown}: the one word that ends the gateway from its console (besides Felix's {@code stop 0}), now that
 * Ctrl-C only interrupts a command or clears the line.
 */
@Component(service = ShutdownCommand.class, property = {"osgi.command.scope=cellgate",
        "osgi.command.function=shutdown"})
public final class ShutdownCommand {

    private final BundleContext context;

    @Activate
    public ShutdownCommand(BundleContext context) {
        this.context = context;
    }

    @Descriptor("stop the gateway: every pack turns its outputs off, then the process ends with status 0")
    public String shutdown() throws BundleException {
        // The framework stops on a thread of its own, so this command returns and the console can close cleanly.
        context.getBundle(0).stop();
        return "stopping the gateway: every pack turns its outputs off\n";
    }
}
