package io.cellgate.sim.scenario;

import io.cellgate.api.balancer.BoardState;
import io.cellgate.api.pack.CellStatus;
import io.cellgate.api.pack.PackReading;
import io.cellgate.api.recording.RecordingFormat;
import io.cellgate.api.recording.RecordingReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A pack recording as the CSV recorder ({@code io.cellgate.export.file}) writes it, read one row at a time through
 * the API's {@link RecordingReader} (the format is {@link RecordingFormat}): each row a reading (volts, statuses,
 * temperature) and the decision recorded with it, its pair currents and board state, against which a replay compares
 * its own where {@code health} was OK (elsewhere the pack ran fail-safe, not the balancer). Adds what a replay needs
 * on top: the row's time as seconds since the first row.
 */
public final class Recording implements Closeable {

    private final RecordingReader in;
    private final PackReading row;
    private long firstMillis;
    private double seconds;
    private boolean started;

    private Recording(RecordingReader in) {
        this.in = in;
        this.row = new PackReading(in.cells());
    }

    /**
     * Opens a recording and reads its header.
     *
     * @throws IllegalArgumentException when the file is no recording of a known format version, or has no rows
     */
    public static Recording open(Path file) throws IOException {
        return new Recording(RecordingReader.open(file));
    }

    /** Number of cells the header names. */
    public static int cellsOf(Path file) throws IOException {
        try (Recording r = open(file)) {
            return r.cells();
        }
    }

    public int cells() {
        return in.cells();
    }

    /**
     * Reads the next row; false at the end.
     *
     * @throws IllegalArgumentException naming the file, the line and the column of a bad value
     */
    public boolean next() throws IOException {
        if (!in.next(row)) {
            return false;
        }
        if (!started) {
            firstMillis = in.wallMillis();
            started = true;
        }
        seconds = Math.max(seconds, (in.wallMillis() - firstMillis) / 1000.0); // a clock set back waits
        return true;
    }

    /** Seconds since the first row. */
    public double seconds() {
        return seconds;
    }

    public long tick() {
        return in.tick();
    }

    public double volts(int cell) {
        return row.volts(cell);
    }

    public CellStatus status(int cell) {
        return row.status(cell);
    }

    public double temperatureCelsius() {
        return row.temperatureCelsius();
    }

    /** The recorded signed current of pair {@code pair}. */
    public double signedAmps(int pair) {
        return in.signedAmps(pair);
    }

    /** True unless the recorded health says the pack ran fail-safe in this row instead of asking its balancer. */
    public boolean decidedByBalancer() {
        return in.health().decidedByBalancer();
    }

    /** The recorded board state. */
    public BoardState boardState() {
        return in.boardState();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /**
     * The scenario's {@code replay} field: the recording, relative to the scenario file. A replay takes its voltages
     * from the recording, so a load or faults would be ignored: they are refused instead.
     */
    static Path resolve(JsonFields f, Path baseDir, int cells) throws IOException {
        Path path = baseDir == null ? Path.of(f.string("replay")) : baseDir.resolve(f.string("replay"));
        if (f.has("load") || f.has("faults")) {
            throw new IllegalArgumentException("replay: load and faults do not apply to a replay (the recording "
                    + "gives the voltages); remove them");
        }
        if (!Files.isReadable(path)) {
            throw new IllegalArgumentException("replay: cannot read " + path);
        }
        int recorded = cellsOf(path);
        if (recorded != cells) {
            throw new IllegalArgumentException("replay: " + path.getFileName() + " has " + recorded
                    + " cells, pack.cells is " + cells);
        }
        return path;
    }
}
