package io.cellgate.export.file;

/** What the recorder has to say to an operator. */
interface RecorderLog {

    void info(String message);

    void warn(String message);
}
