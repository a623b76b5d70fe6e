package io.cellgate.gate;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The OSGi log as a bundle activator reaches it: looked up at each message, since the log service may start after
 * the bundle or be updated while it runs. Without a log service, errors still reach the console.
 */
public record OsgiLog(BundleContext context, String name) {

    public void info(String message) {
        log(message, Level.INFO);
    }

    public void warn(String message) {
        log(message, Level.WARN);
    }

    public void error(String message) {
        log(message, Level.ERROR);
    }

    private enum Level { INFO, WARN, ERROR }

    private void log(String message, Level level) {
        ServiceReference<LoggerFactory> ref = context.getServiceReference(LoggerFactory.class);
        LoggerFactory factory = ref == null ? null : context.getService(ref);
        if (factory == null) {
            if (level == Level.ERROR) {
                System.err.println(message); // no log service: the console still tells the operator
            }
            return;
        }
        try {
            Logger log = factory.getLogger(context.getBundle(), name, Logger.class);
            switch (level) {
                case INFO -> log.info(message);
                case WARN -> log.warn(message);
                case ERROR -> log.error(message);
            }
        } finally {
            context.ungetService(ref);
        }
    }
}
