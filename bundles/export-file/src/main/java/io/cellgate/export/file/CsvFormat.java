package io.cellgate.export.file;

import io.cellgate.api.telemetry.PackView;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The recording format, one file per pack (documented in docs/exporters.md; the simulator's replay reads it):
 *
 * <pre>
 * time,tick,cell1_volts,cell1_status,...,cellN_volts,cellN_status,pair1_amps,...,pairN-1_amps,board_state,health,temperature_celsius
 * </pre>
 *
 * {@code time} is UTC with milliseconds; volts are written exactly ({@link Double#toString}), so that a replay feeds
 * the balancer the very numbers it saw; {@code pairK_amps} is signed, positive from cell k to cell k+1; a missing
 * number (an open wire, an unknown temperature) is an empty field. Cells and pairs are numbered from 1.
 */
final class CsvFormat {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private CsvFormat() {
    }

    static String header(int cells) {
        StringBuilder b = new StringBuilder("time,tick");
        for (int c = 1; c <= cells; c++) {
            b.append(",cell").append(c).append("_volts,cell").append(c).append("_status");
        }
        for (int k = 1; k < cells; k++) {
            b.append(",pair").append(k).append("_amps");
        }
        return b.append(",board_state,health,temperature_celsius").toString();
    }

    static String row(PackView v, long wallMillis) {
        StringBuilder b = new StringBuilder(32 * v.cells() + 64);
        b.append(TIME.format(Instant.ofEpochMilli(wallMillis))).append(',').append(v.tick());
        for (int c = 0; c < v.cells(); c++) {
            b.append(',');
            number(b, v.volts(c)).append(',').append(v.status(c).name());
        }
        for (int k = 0; k < v.pairs(); k++) {
            b.append(',');
            number(b, v.signedAmps(k));
        }
        b.append(',').append(v.boardState().name()).append(',').append(v.health().name()).append(',');
        return number(b, v.temperatureCelsius()).toString();
    }

    private static StringBuilder number(StringBuilder b, double v) {
        return Double.isFinite(v) ? b.append(v) : b;
    }
}
