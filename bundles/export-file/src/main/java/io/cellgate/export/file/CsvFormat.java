package io.cellgate.export.file;

import io.cellgate.api.balancer.Decision;
import io.cellgate.api.pack.PackReading;
import io.cellgate.api.telemetry.PackSnapshot;
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

    static String row(PackSnapshot s, long wallMillis) {
        PackReading r = s.reading();
        Decision d = s.decision();
        StringBuilder b = new StringBuilder(32 * r.cells() + 64);
        b.append(TIME.format(Instant.ofEpochMilli(wallMillis))).append(',').append(s.tick());
        for (int c = 0; c < r.cells(); c++) {
            b.append(',');
            number(b, r.volts(c)).append(',').append(r.status(c).name());
        }
        for (int k = 0; k < d.pairs(); k++) {
            b.append(',');
            number(b, d.signedAmps(k));
        }
        b.append(',').append(d.boardState().name()).append(',').append(s.health().name()).append(',');
        return number(b, r.temperatureCelsius()).toString();
    }

    private static StringBuilder number(StringBuilder b, double v) {
        return Double.isFinite(v) ? b.append(v) : b;
    }
}
