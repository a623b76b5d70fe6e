package io.cellgate.api.recording;

import io.cellgate.api.balancer.BoardState;
import io.cellgate.api.balancer.Decision;
import io.cellgate.api.pack.CellStatus;
import io.cellgate.api.pack.PackHealth;
import io.cellgate.api.pack.PackReading;
import io.cellgate.api.telemetry.PackView;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;

/**
 * Version {@value #VERSION} of the pack recording format (docs/exporters.md):
 *
 * <pre>
 * # cellgate recording format 1
 * time,tick,cell1_volts,cell1_status,...,cellN_volts,cellN_status,pair1_amps,...,pairN-1_amps,board_state,health,temperature_celsius
 * 2026-11-25T10:15:30.123Z,4711,3.7012345,OK,...,0.0,-0.512,...,ACTIVE,OK,
 * </pre>
 *
 * {@code time} is the tick's wall-clock time, UTC with milliseconds; voltages and the temperature are written by
 * {@link Double#toString} and read by {@link Double#parseDouble}, so they come back bit for bit; NaN (an open wire, an
 * unknown temperature) is an empty field. {@code pairK_amps} is signed, positive from cell K to cell K+1, and kept to
 * the microampere ({@link #recordedAmps}): a setpoint's further digits are float noise, not information. A reader
 * reads rows written with every digit (before 0.2) as well. Cells and pairs are numbered
 * from 1. Statuses, board states and health are the API's enum names.
 */
public final class RecordingFormat {

    /** The format version this class writes and {@link RecordingReader} reads. */
    public static final int VERSION = 1;

    /** The first line of a recording is this prefix followed by the format version. */
    public static final String VERSION_PREFIX = "# cellgate recording format ";

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private RecordingFormat() {
    }

    /** Digits kept of a current: the microampere. */
    private static final int AMPS_DECIMALS = 6;
    private static final double MICROAMPS_PER_AMP = 1e6;
    /** Beyond this a current is no setpoint, and is written with every digit rather than overflow a long. */
    private static final double LARGEST_ROUNDED_AMPS = 1e12;

    /**
     * A current as a recording keeps it: rounded to the microampere (a row holds its decimal, which reads back as
     * exactly this value). Compare a live current with a recorded one through this.
     */
    public static double recordedAmps(double amps) {
        return rounds(amps) ? Math.round(amps * MICROAMPS_PER_AMP) / MICROAMPS_PER_AMP : amps;
    }

    private static boolean rounds(double amps) {
        return Double.isFinite(amps) && Math.abs(amps) < LARGEST_ROUNDED_AMPS;
    }

    /** The first line of every recording. */
    public static String versionLine() {
        return VERSION_PREFIX + VERSION;
    }

    /** The column names of a recording of {@code cells} cells, in order. */
    public static String[] columnNames(int cells) {
        if (cells < 2) {
            throw new IllegalArgumentException("a recording needs at least two cells, got " + cells);
        }
        String[] names = new String[3 * cells + 4];
        int i = 0;
        names[i++] = "time";
        names[i++] = "tick";
        for (int c = 1; c <= cells; c++) {
            names[i++] = "cell" + c + "_volts";
            names[i++] = "cell" + c + "_status";
        }
        for (int k = 1; k < cells; k++) {
            names[i++] = "pair" + k + "_amps";
        }
        names[i++] = "board_state";
        names[i++] = "health";
        names[i] = "temperature_celsius";
        return names;
    }

    /** The column line of a recording of {@code cells} cells. */
    public static String columns(int cells) {
        return String.join(",", columnNames(cells));
    }

    /** Both header lines (version, columns), without the final line break. */
    public static String header(int cells) {
        return versionLine() + '\n' + columns(cells);
    }

    /**
     * One row, without its line break: the tick's reading and the decision driven on it.
     *
     * @param wallMillis the tick's wall-clock time, milliseconds since the epoch
     * @param health     the tick's health: anything but OK means the runtime drove its fail-safe decision
     */
    public static String row(long wallMillis, long tick, PackReading reading, Decision decision, PackHealth health) {
        if (decision.cells() != reading.cells()) {
            throw new IllegalArgumentException("a decision of " + decision.cells() + " cells does not belong to a "
                    + "reading of " + reading.cells());
        }
        return row(wallMillis, tick, reading.cells(), reading::volts, reading::status, decision::signedAmps,
                decision.boardState(), health, reading.temperatureCelsius());
    }

    /** One row, without its line break: a tick as the recorder sees it. */
    public static String row(PackView view) {
        return row(view.timeMillis(), view.tick(), view.cells(), view::volts, view::status, view::signedAmps,
                view.boardState(), view.health(), view.temperatureCelsius());
    }

    private static String row(long wallMillis, long tick, int cells, IntToDoubleFunction volts,
            IntFunction<CellStatus> status, IntToDoubleFunction signedAmps, BoardState board, PackHealth health,
            double temperatureCelsius) {
        StringBuilder b = new StringBuilder(32 * cells + 64);
        b.append(TIME.format(Instant.ofEpochMilli(wallMillis))).append(',').append(tick);
        for (int c = 0; c < cells; c++) {
            b.append(',');
            number(b, volts.applyAsDouble(c)).append(',').append(status.apply(c).name());
        }
        for (int k = 0; k < cells - 1; k++) {
            b.append(',');
            amps(b, signedAmps.applyAsDouble(k));
        }
        b.append(',').append(board.name()).append(',').append(health.name()).append(',');
        return number(b, temperatureCelsius).toString();
    }

    /** To the microampere, trailing zeros trimmed but one ({@code -0.35543}, {@code 0.0}); others as numbers. */
    private static StringBuilder amps(StringBuilder b, double amps) {
        if (!rounds(amps)) {
            return number(b, amps);
        }
        String text = BigDecimal.valueOf(Math.round(amps * MICROAMPS_PER_AMP), AMPS_DECIMALS).stripTrailingZeros()
                .toPlainString();
        return b.append(text).append(text.indexOf('.') < 0 ? ".0" : "");
    }

    /** NaN is an empty field; every other double, infinities included, as {@link Double#toString} writes it. */
    private static StringBuilder number(StringBuilder b, double v) {
        return Double.isNaN(v) ? b : b.append(v);
    }
}
