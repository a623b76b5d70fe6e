package io.cellgate.sim.scenario;

import io.cellgate.api.balancer.BoardState;
import io.cellgate.api.pack.CellStatus;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A pack recording as the CSV recorder ({@code io.cellgate.export.file}) writes it, read one row at a time into
 * reused arrays:
 *
 * <pre>
 * time,tick,cell1_volts,cell1_status,...,cellN_volts,cellN_status,pair1_amps,...,board_state,health,temperature_celsius
 * </pre>
 *
 * Columns are found by name. Required: {@code time} (ISO-8601) and {@code cellK_volts} for every cell; an empty
 * number is NaN. Optional: {@code cellK_status} (OK when absent), {@code temperature_celsius}, and the recorded
 * decision, {@code pairK_amps} (signed, positive from cell k to k+1) and {@code board_state}, against which a
 * replay compares its own where {@code health} was OK (elsewhere the pack ran fail-safe, not the balancer).
 */
public final class Recording implements Closeable {

    private final Path file;
    private final BufferedReader in;
    private final int cells;
    private final int time;
    private final int tick;
    private final int[] volts;
    private final int[] status;
    private final int[] amps;
    private final int board;
    private final int health;
    private final int temperature;
    private int line = 1;
    private Instant first;

    // the current row
    private double seconds;
    private long rowTick;
    private final double[] rowVolts;
    private final CellStatus[] rowStatus;
    private final double[] rowAmps;
    private BoardState rowBoard;
    private boolean rowDecided;
    private double rowCelsius;

    private Recording(Path file, BufferedReader in, String header) {
        this.file = file;
        this.in = in;
        Map<String, Integer> column = new HashMap<>();
        String[] names = header.split(",", -1);
        for (int i = 0; i < names.length; i++) {
            column.put(names[i].trim(), i);
        }
        int n = 0;
        while (column.containsKey("cell" + (n + 1) + "_volts")) {
            n++;
        }
        if (!column.containsKey("time") || n < 2) {
            throw new IllegalArgumentException(file + ": not a pack recording: the header needs time and "
                    + "cell1_volts, cell2_volts, ...");
        }
        cells = n;
        time = column.get("time");
        tick = column.getOrDefault("tick", -1);
        volts = new int[n];
        status = new int[n];
        amps = new int[n - 1];
        for (int c = 0; c < n; c++) {
            volts[c] = column.get("cell" + (c + 1) + "_volts");
            status[c] = column.getOrDefault("cell" + (c + 1) + "_status", -1);
        }
        boolean allAmps = true;
        for (int k = 0; k < n - 1; k++) {
            amps[k] = column.getOrDefault("pair" + (k + 1) + "_amps", -1);
            allAmps &= amps[k] >= 0;
        }
        if (!allAmps) {
            Arrays.fill(amps, -1);
        }
        board = column.getOrDefault("board_state", -1);
        health = column.getOrDefault("health", -1);
        temperature = column.getOrDefault("temperature_celsius", -1);
        rowVolts = new double[n];
        rowStatus = new CellStatus[n];
        rowAmps = new double[n - 1];
    }

    /** Opens a recording and reads its header. */
    public static Recording open(Path file) throws IOException {
        BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        try {
            String header = in.readLine();
            if (header == null) {
                throw new IllegalArgumentException(file + ": empty, not a pack recording");
            }
            return new Recording(file, in, header);
        } catch (RuntimeException | IOException e) {
            in.close();
            throw e;
        }
    }

    /** Number of cells the header names. */
    public static int cellsOf(Path file) throws IOException {
        try (Recording r = open(file)) {
            return r.cells();
        }
    }

    public int cells() {
        return cells;
    }

    /** True when the recording holds the decisions it was made with (pair currents and board state). */
    public boolean hasDecisions() {
        return amps[0] >= 0 && board >= 0;
    }

    /**
     * Reads the next row; false at the end.
     *
     * @throws IllegalArgumentException naming the file, the line and the column of a bad value
     */
    public boolean next() throws IOException {
        String text;
        do {
            text = in.readLine();
            line++;
            if (text == null) {
                return false;
            }
        } while (text.isBlank());
        String[] f = text.split(",", -1);
        Instant at = instant(f, time);
        if (first == null) {
            first = at;
        }
        seconds = Math.max(seconds, (at.toEpochMilli() - first.toEpochMilli()) / 1000.0); // a clock set back waits
        rowTick = tick < 0 ? rowTick + 1 : (long) number(f, tick);
        for (int c = 0; c < cells; c++) {
            rowVolts[c] = number(f, volts[c]);
            rowStatus[c] = status[c] < 0 ? CellStatus.OK : status(f, status[c]);
        }
        if (hasDecisions()) {
            for (int k = 0; k < rowAmps.length; k++) {
                rowAmps[k] = number(f, amps[k]);
            }
            rowBoard = board(f, board);
        }
        rowDecided = health < 0 || "OK".equals(field(f, health));
        rowCelsius = temperature < 0 ? Double.NaN : number(f, temperature);
        return true;
    }

    /** Seconds since the first row. */
    public double seconds() {
        return seconds;
    }

    public long tick() {
        return rowTick;
    }

    public double volts(int cell) {
        return rowVolts[cell];
    }

    public CellStatus status(int cell) {
        return rowStatus[cell];
    }

    public double temperatureCelsius() {
        return rowCelsius;
    }

    /** The recorded signed current of pair {@code pair}; only when {@link #hasDecisions()}. */
    public double signedAmps(int pair) {
        return rowAmps[pair];
    }

    /** True unless the recorded health says the pack ran fail-safe in this row instead of asking its balancer. */
    public boolean decidedByBalancer() {
        return rowDecided;
    }

    /** The recorded board state; only when {@link #hasDecisions()}. */
    public BoardState boardState() {
        return rowBoard;
    }

    private String field(String[] f, int column) {
        if (column >= f.length) {
            throw new IllegalArgumentException(file + ":" + line + ": " + f.length + " fields, expected more");
        }
        return f[column].trim();
    }

    private double number(String[] f, int column) {
        String s = field(f, column);
        if (s.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ":" + line + ": field " + (column + 1) + " '" + s
                    + "' is not a number");
        }
    }

    private Instant instant(String[] f, int column) {
        String s = field(f, column);
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(file + ":" + line + ": time '" + s + "' is not an ISO-8601 instant");
        }
    }

    private CellStatus status(String[] f, int column) {
        String s = field(f, column);
        try {
            return CellStatus.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ":" + line + ": cell status '" + s + "' is unknown; expected "
                    + Arrays.toString(CellStatus.values()));
        }
    }

    private BoardState board(String[] f, int column) {
        String s = field(f, column);
        try {
            return BoardState.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ":" + line + ": board state '" + s + "' is unknown");
        }
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
