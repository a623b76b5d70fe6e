package io.cellgate.sim.cli;

/**
 * A refusal the scenario command explains in one message and ends with its own exit code, never a stack trace: what
 * was wrong and what to do. The codes are documented in {@code docs/simulator.md} ("The scenario command").
 */
public final class ScenarioError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Something the command did not expect: a bug, reported with its message. */
    public static final int INTERNAL = 1;
    /** A wrong command line. */
    public static final int USAGE = 2;
    /** A file that cannot be read (missing, a folder, no permission, not UTF-8). */
    public static final int FILE = 3;
    /** A scenario that is not JSON, or not a JSON object. */
    public static final int JSON = 4;
    /** A field that is unknown, of the wrong type, missing or out of range. */
    public static final int FIELD = 5;
    /** A model no registered plugin provides. */
    public static final int UNKNOWN_MODEL = 6;
    /** A model that cannot balance the scenario's pack (strings, chemistry). */
    public static final int NOT_FIT = 7;
    /** A recording to replay that cannot be read or does not match the pack. */
    public static final int RECORDING = 8;
    /** A run whose results would not fit in the memory this JVM may use. */
    public static final int MEMORY = 9;
    /** A result, report or table that cannot be written. */
    public static final int OUTPUT = 10;
    /** A plugin jar that cannot be installed or started. */
    public static final int PLUGIN = 11;

    private final int exitCode;

    public ScenarioError(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
