package io.cellgate.shell;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.CommandSessionListener;
import org.jline.reader.LineReader;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
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
 * Cellgate's own entries from {@code cellgate.level} up, everything else from {@code other.level} up. On the Gogo
 * console a line goes above the prompt and what the operator is typing (JLine redraws them below it). Under systemd,
 * whose journal stores the output (it sets JOURNAL_STREAM), a line starts with its syslog level instead of the time
 * ({@code <4>} for a warning), so that {@code journalctl -p warning} shows the warnings and errors only.
 */
@Component(immediate = true, configurationPid = "io.cellgate.console.log", service = CommandSessionListener.class)
@Designate(ocd = ConsoleLog.Config.class)
public final class ConsoleLog implements LogListener, CommandSessionListener {

    @ObjectClassDefinition(name = "Cellgate console log")
    @interface Config {
        @AttributeDefinition(description = "Lowest level printed for Cellgate bundles: ERROR, WARN, INFO, DEBUG.")
        String cellgate_level() default "INFO";

        @AttributeDefinition(description = "Lowest level printed for all other bundles.")
        String other_level() default "WARN";
    }

    private static final int QUEUED_LINES = 10_000;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private final LogReaderService reader;
    private final LogLevel cellgateLevel;
    private final LogLevel otherLevel;
    private final PrintStream out = System.out;
    /** The journal stamps each line with its own time and takes the level from a "<N>" prefix. */
    private final boolean journal = System.getenv("JOURNAL_STREAM") != null;
    private final PrintedUntil printedUntil;
    /** The console's line reader once Gogo has run a command in it; null without a console. */
    private volatile LineReader console;
    /**
     * Lines are printed on a thread of their own: whoever logs (a tick thread among them) only queues the line and
     * never waits for the terminal or JLine's lock. A full queue drops the newest lines rather than block.
     */
    private final ExecutorService printer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(QUEUED_LINES), r -> {
                Thread t = new Thread(r, "cellgate-console-log");
                t.setDaemon(true);
                return t;
            }, new ThreadPoolExecutor.DiscardPolicy());

    @Activate
    public ConsoleLog(BundleContext context, @Reference LogReaderService reader, Config config) {
        this.reader = reader;
        this.cellgateLevel = LogLevel.valueOf(config.cellgate_level().trim().toUpperCase(Locale.ROOT));
        this.otherLevel = LogLevel.valueOf(config.other_level().trim().toUpperCase(Locale.ROOT));
        this.printedUntil = new PrintedUntil(context.getDataFile("printed-until"),
                context.getProperty(Constants.FRAMEWORK_UUID));
        reader.addLogListener(this);
        // What was logged before this component started (start-up faults, first ticks), oldest first; after a
        // restart of this bundle only what it missed while stopped, not the buffer it printed before.
        long since = printedUntil.read();
        List<LogEntry> earlier = Collections.list(reader.getLog());
        Collections.reverse(earlier);
        earlier.stream().filter(e -> e.getTime() > since).forEach(this::logged);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        reader.removeLogListener(this);
        printer.shutdown();
        printer.awaitTermination(1, TimeUnit.SECONDS);
        printedUntil.write(System.currentTimeMillis());
    }

    /**
     * Gogo's console session carries its JLine reader; the profile it runs at start-up brings it here. A remote shell's
     * session (io.cellgate.ssh names its login in "cellgate.remote") is not the console: the log stays here.
     */
    @Override
    public void beforeExecute(CommandSession session, CharSequence command) {
        if (console == null && session.get("cellgate.remote") == null
                && session.get(".reader") instanceof LineReader lineReader) {
            console = lineReader;
        }
    }

    @Override
    public void afterExecute(CommandSession session, CharSequence command, Exception exception) {
    }

    @Override
    public void afterExecute(CommandSession session, CharSequence command, Object result) {
    }

    @Override
    public void logged(LogEntry entry) {
        String bundle = entry.getBundle() == null ? "?" : entry.getBundle().getSymbolicName();
        if (entry.getLoggerName().startsWith(JavaLogging.PREFIX)) { // a library's line: its logger names it
            bundle = entry.getLoggerName().substring(JavaLogging.PREFIX.length());
        }
        // Framework events (loggers "Events.Bundle", "Events.Service", …) are noise unless they are warnings.
        boolean ours = bundle != null && bundle.startsWith("io.cellgate") && !entry.getLoggerName().startsWith("Events.");
        LogLevel threshold = ours ? cellgateLevel : otherLevel;
        if (!threshold.implies(entry.getLogLevel())) {
            return;
        }
        StringBuilder line = new StringBuilder(128).append(journal ? syslogPrefix(entry.getLogLevel())
                : TIME.format(Instant.ofEpochMilli(entry.getTime())) + " ")
                .append(entry.getLogLevel()).append(' ').append(bundle).append(": ")
                .append(entry.getMessage());
        Throwable e = entry.getException();
        if (e != null) {
            line.append(" (").append(e).append(')');
        }
        String text = line.toString();
        printer.execute(() -> print(text));
    }

    /** sd-daemon(3)'s prefix of a line at {@code level}: error 3, warning 4, audit 5 (notice), info 6, debug 7. */
    static String syslogPrefix(LogLevel level) {
        return switch (level) {
            case AUDIT -> "<5>";
            case ERROR -> "<3>";
            case WARN -> "<4>";
            case INFO -> "<6>";
            case DEBUG, TRACE -> "<7>";
        };
    }

    private void print(String line) {
        LineReader lineReader = console;
        if (lineReader != null) {
            try {
                lineReader.printAbove(line);
                return;
            } catch (RuntimeException closed) {
                console = null; // the console went away (Gogo stopped): print plainly from now on
            }
        }
        out.println(line);
    }

    /**
     * When this bundle last stopped printing, in a file of its data area, with the framework launch it belongs to:
     * a new launch starts with a new log, printed from its beginning.
     */
    record PrintedUntil(Path file, String launch) {

        PrintedUntil(java.io.File file, String launch) {
            this(file == null ? null : file.toPath(), launch);
        }

        long read() {
            try {
                String[] saved = file == null || !Files.exists(file) ? new String[0]
                        : Files.readString(file).trim().split(" ");
                return saved.length == 2 && saved[0].equals(launch) ? Long.parseLong(saved[1]) : Long.MIN_VALUE;
            } catch (IOException | NumberFormatException unreadable) {
                return Long.MIN_VALUE;
            }
        }

        void write(long millis) {
            try {
                if (file != null) {
                    Files.writeString(file, launch + " " + millis);
                }
            } catch (IOException e) {
                // at worst the next start prints the buffer again
            }
        }
    }
}
