package io.cellgate.api.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A log that keeps each line as {@code "INFO message"}, {@code "WARN message"} or {@code "ERROR message"}, for a test
 * to read what a plain-Java core told its operator. The platform's cores each declare the log they need (the engine's
 * {@code PackEvents}, an exporter's loop log) with these very methods, so a test's log is one line:
 * {@code class Events extends LogLines implements PackEvents {}}. Safe to write from a loop's own thread.
 *
 * @since 3.1
 */
public class LogLines {

    private final List<String> lines = new CopyOnWriteArrayList<>();

    public void info(String message) {
        lines.add("INFO " + message);
    }

    public void warn(String message) {
        lines.add("WARN " + message);
    }

    /** The cause is left out: tests read what the operator reads first. */
    public void error(String message, Throwable cause) {
        lines.add("ERROR " + message);
    }

    /** Every line so far, oldest first; a live view. */
    public List<String> lines() {
        return lines;
    }

    /** The lines that start with {@code prefix}, e.g. {@code "WARN"} or {@code "INFO p: cleared"}. */
    public List<String> startingWith(String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).toList();
    }

    /** How many lines start with {@code prefix}. */
    public long count(String prefix) {
        return startingWith(prefix).size();
    }

    public void clear() {
        lines.clear();
    }

    @Override
    public String toString() {
        return lines.toString();
    }
}
