package io.cellgate.export.prometheus;

import io.prometheus.client.exporter.common.TextFormat;
import java.util.Locale;

/**
 * What a scraper asked for: the exposition format of its {@code Accept} header (OpenMetrics when it asks for it, as
 * Prometheus does by default, else text 0.0.4) and whether it takes a gzip body ({@code Accept-Encoding}).
 */
record Negotiation(String contentType, boolean gzip) {

    static Negotiation of(String accept, String acceptEncoding) {
        return new Negotiation(TextFormat.chooseContentType(accept), acceptsGzip(acceptEncoding));
    }

    /** True when {@code gzip} is listed without {@code q=0}. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
            String[] parts = coding.split(";");
            if (parts[0].trim().equals("gzip")) {
                return parts.length == 1 || !parts[1].replace(" ", "").matches("q=0(\\.0*)?");
            }
        }
        return false;
    }
}
