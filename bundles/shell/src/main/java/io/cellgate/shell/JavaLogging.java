package io.cellgate.shell;

import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Routes {@code java.util.logging} (which libraries such as SPI Fly write to) into the OSGi log in place of the JDK's
 * console handler, so that their lines reach the console as the gateway's own do: filtered by {@link ConsoleLog}'s
 * levels and printed above the prompt, never into the middle of what the operator is typing. The entries are logged
 * for the system bundle under {@value #PREFIX} and the library's logger name. The JDK's handlers come back when this
 * component goes.
 */
@Component(immediate = true, service = {})
public final class JavaLogging {

    /** The start of the logger name of every entry this bridge logs. */
    static final String PREFIX = "java.util.logging/";

    private final java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
    private final Handler[] replaced;
    private final Handler bridge;

    @Activate
    public JavaLogging(BundleContext context, @Reference LoggerFactory logs) {
        Bundle system = context.getBundle(0);
        Formatter words = new SimpleFormatter(); // fills in a record's parameters and resource bundle
        bridge = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String name = record.getLoggerName() == null ? "" : record.getLoggerName();
                Logger log = logs.getLogger(system, PREFIX + name, Logger.class);
                log(log, record.getLevel(), words.formatMessage(record), record.getThrown());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        replaced = root.getHandlers();
        root.addHandler(bridge);
        for (Handler h : replaced) {
            root.removeHandler(h);
        }
    }

    /** At the OSGi level of {@code level}; the message as it is ("{}" in it is text, not a placeholder). */
    private static void log(Logger log, Level level, String message, Throwable thrown) {
        int l = level.intValue();
        if (l >= Level.SEVERE.intValue()) {
            log.error("{}", message, thrown);
        } else if (l >= Level.WARNING.intValue()) {
            log.warn("{}", message, thrown);
        } else if (l >= Level.INFO.intValue()) {
            log.info("{}", message, thrown);
        } else if (l >= Level.FINE.intValue()) {
            log.debug("{}", message, thrown);
        } else {
            log.trace("{}", message, thrown);
        }
    }

    @Deactivate
    void restore() {
        for (Handler h : replaced) {
            root.addHandler(h);
        }
        root.removeHandler(bridge);
    }
}
