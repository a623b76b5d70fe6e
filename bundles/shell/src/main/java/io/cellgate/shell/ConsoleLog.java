package io.cellgate.shell;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Prints the OSGi log to the console, so an operator (or journald, under systemd) sees what the gateway reports:
 * Cellgate's own entries from {@code cellgate.level} up, everything else from {@code other.level} up.
 */
@Component(immediate = true, configurationPid = "io.cellgate.console.log")
@Designate(ocd = ConsoleLog.Config.class)
public final class ConsoleLog implements LogListener {

    @ObjectClassDefinition(name = "Cellgate console log")
    @interface Config {
        @AttributeDefinition(description = "Lowest level printed for Cellgate bundles: ERROR, WARN, INFO, DEBUG.")
        String cellgate_level() default "INFO";

        @AttributeDefinition(description = "Lowest level printed for all other bundles.")
        String other_level() default "WARN";
    }

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private final LogReaderService reader;
    private final LogLevel cellgateLevel;
    private final LogLevel otherLevel;
    private final PrintStream out = System.out;

    @Activate
    public ConsoleLog(@Reference LogReaderService reader, Config config) {
        this.reader = reader;
        this.cellgateLevel = LogLevel.valueOf(config.cellgate_level().trim().toUpperCase(java.util.Locale.ROOT));
        this.otherLevel = LogLevel.valueOf(config.other_level().trim().toUpperCase(java.util.Locale.ROOT));
        reader.addLogListener(this);
        // What was logged before this component started (start-up faults, first ticks), oldest first.
        java.util.List<LogEntry> earlier = java.util.Collections.list(reader.getLog());
        java.util.Collections.reverse(earlier);
        earlier.forEach(this::logged);
    }

    @Deactivate
    void deactivate() {
        reader.removeLogListener(this);
    }

    @Override
    public void logged(LogEntry entry) {
        String bundle = entry.getBundle() == null ? "?" : entry.getBundle().getSymbolicName();
        // Framework events (loggers "Events.Bundle", "Events.Service", …) are noise unless they are warnings.
        boolean ours = bundle != null && bundle.startsWith("io.cellgate") && !entry.getLoggerName().startsWith("Events.");
        LogLevel threshold = ours ? cellgateLevel : otherLevel;
        if (!threshold.implies(entry.getLogLevel())) {
            return;
        }
        StringBuilder line = new StringBuilder(128).append(TIME.format(Instant.ofEpochMilli(entry.getTime())))
                .append(' ').append(entry.getLogLevel()).append(' ').append(bundle).append(": ")
                .append(entry.getMessage());
        Throwable e = entry.getException();
        if (e != null) {
            line.append(" (").append(e).append(')');
        }
        out.println(line);
    }
}
