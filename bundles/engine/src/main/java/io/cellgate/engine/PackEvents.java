package io.cellgate.engine;

/** Where a pack engine reports what an operator should read in the log. */
public interface PackEvents {

    void info(String message);

    void warn(String message);

    void error(String message, Throwable cause);
}
