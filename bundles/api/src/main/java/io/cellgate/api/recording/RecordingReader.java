package io.cellgate.api.recording;

import io.cellgate.api.balancer.BoardState;
import io.cellgate.api.pack.CellStatus;
import io.cellgate.api.pack.PackHealth;
import io.cellgate.api.pack.PackReading;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Reads a recording of {@link RecordingFormat} row by row: {@link #next(PackReading)} fills a reading (volts,
 * statuses, temperature) and keeps the row's time, tick, recorded decision and health until the next row. Opening
 * checks the version line, the columns and that there is at least one row; a bad value is refused naming the
 * source, the line and the column. Not thread-safe.
 */
public final class RecordingReader implements Closeable {

    private final BufferedReader in;
    private final String source;
    private final String[] columns;
    private final int cells;
    private int line;
    /** The next row's text, read ahead so that a recording without rows is refused when it is opened. */
    private String pending;

    // the current row
    private long wallMillis;
    private long tick;
    private final double[] signedAmps;
    private BoardState boardState;
    private PackHealth health;

    /**
     * Reads the header of {@code in}; {@code source} (usually the file) names the recording in messages.
     *
     * @throws IllegalArgumentException when {@code in} is no recording of this format version, or has no rows
     */
    public RecordingReader(BufferedReader in, String source) throws IOException {
        this.in = in;
        this.source = source;
        checkVersion(readLine());
        String header = readLine();
        if (header == null) {
            throw new IllegalArgumentException(source + ": no column header after the version line");
        }
        String[] names = header.split(",", -1);
        int n = (names.length - 4) / 3;
        if (n < 2 || !Arrays.equals(names, RecordingFormat.columnNames(n))) {
            throw refused("the column header is not that of a format " + RecordingFormat.VERSION
                    + " recording (time,tick,cell1_volts,cell1_status,...,temperature_celsius)");
        }
        columns = names;
        cells = n;
        signedAmps = new double[n - 1];
        pending = nextNonBlankLine();
        if (pending == null) {
            throw new IllegalArgumentException(source + ": no rows: the recording has its header only (a recorder "
                    + "writes a row per recorded tick); record for longer or choose another file");
        }
    }

    /** Opens a recording and reads its header and first row ahead; closes the file when it is refused. */
    public static RecordingReader open(Path file) throws IOException {
        BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        try {
            return new RecordingReader(in, file.toString());
        } catch (RuntimeException | IOException e) {
            in.close();
            throw e;
        }
    }

    private void checkVersion(String first) {
        String expected = RecordingFormat.versionLine();
        if (first == null) {
            throw new IllegalArgumentException(source + ": empty, not a pack recording (its first line would be '"
                    + expected + "')");
        }
        if (!first.startsWith(RecordingFormat.VERSION_PREFIX)) {
            throw refused("not a pack recording: the first line must be '" + expected + "'");
        }
        String version = first.substring(RecordingFormat.VERSION_PREFIX.length()).trim();
        if (!version.equals(String.valueOf(RecordingFormat.VERSION))) {
            throw refused("recording format '" + version + "' is unknown: this Cellgate reads format "
                    + RecordingFormat.VERSION + "; replay the file with the Cellgate version that recorded it");
        }
    }

    /** The number of cells the header names. */
    public int cells() {
        return cells;
    }

    /** The line of the current row in the source, from 1. */
    public int line() {
        return line;
    }

    /**
     * Reads the next row into {@code into}: every cell's volts and status, and the temperature; false at the end.
     *
     * @throws IllegalArgumentException naming the source, the line and the column of a bad value
     */
    public boolean next(PackReading into) throws IOException {
        if (into.cells() != cells) {
            throw new IllegalArgumentException("a reading of " + into.cells() + " cells cannot hold a row of "
                    + source + " (" + cells + " cells)");
        }
        String text = pending != null ? pending : nextNonBlankLine();
        pending = null;
        if (text == null) {
            return false;
        }
        String[] f = text.split(",", -1);
        if (f.length != columns.length) {
            throw refused(f.length + " fields, a row of this " + cells + "-cell recording has " + columns.length);
        }
        int i = 0;
        wallMillis = time(f, i++);
        tick = whole(f, i++);
        for (int c = 0; c < cells; c++) {
            double volts = number(f, i++);
            into.set(c, volts, value(CellStatus.class, f, i++));
        }
        for (int k = 0; k < signedAmps.length; k++) {
            signedAmps[k] = number(f, i++);
        }
        boardState = value(BoardState.class, f, i++);
        health = value(PackHealth.class, f, i++);
        into.setTemperatureCelsius(number(f, i));
        return true;
    }

    /** The row's wall-clock time, milliseconds since the epoch. */
    public long wallMillis() {
        return wallMillis;
    }

    /** The pack's tick number of the row. */
    public long tick() {
        return tick;
    }

    /** The recorded signed current of pair {@code pair} (from 0), positive from cell k to k+1. */
    public double signedAmps(int pair) {
        return signedAmps[pair];
    }

    /** The recorded board state. */
    public BoardState boardState() {
        return boardState;
    }

    /** The recorded health: anything but OK means the runtime drove its fail-safe decision, not the balancer's. */
    public PackHealth health() {
        return health;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private String readLine() throws IOException {
        String text = in.readLine();
        if (text != null) {
            line++;
        }
        return text;
    }

    private String nextNonBlankLine() throws IOException {
        String text;
        do {
            text = readLine();
        } while (text != null && text.isBlank());
        return text;
    }

    private double number(String[] f, int column) {
        if (f[column].isBlank()) {
            return Double.NaN;
        }
        return parsed(f, column, Double::valueOf, "is not a number");
    }

    private long whole(String[] f, int column) {
        return parsed(f, column, Long::valueOf, "is not a whole number");
    }

    private long time(String[] f, int column) {
        return parsed(f, column, s -> Instant.parse(s).toEpochMilli(),
                "is not an ISO-8601 instant such as 2026-11-25T10:15:30.123Z");
    }

    private <E extends Enum<E>> E value(Class<E> type, String[] f, int column) {
        return parsed(f, column, s -> Enum.valueOf(type, s),
                "is unknown; expected " + Arrays.toString(type.getEnumConstants()));
    }

    /** The trimmed field, parsed; a field it cannot parse is refused with its column, its text and {@code problem}. */
    private <T> T parsed(String[] f, int column, Function<String, T> parse, String problem) {
        String s = f[column].trim();
        try {
            return parse.apply(s);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw refused(columns[column] + " '" + s + "' " + problem);
        }
    }

    private IllegalArgumentException refused(String what) {
        return new IllegalArgumentException(source + ":" + line + ": " + what);
    }
}
