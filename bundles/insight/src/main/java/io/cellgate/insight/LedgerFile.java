package io.cellgate.insight;

import io.cellgate.api.insight.LedgerCounts;
import io.cellgate.api.insight.LedgerDay;
import io.cellgate.api.insight.LedgerSnapshot;
import io.cellgate.api.insight.PackCharge;
import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackDescription;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The ledger file of one pack, {@code <pack id>.ledger}: the one place its format is written and read (described in
 * docs/insight.md). Lines of words separated by single spaces; charge in coulombs, time in seconds, doubles as Java
 * prints them, so that a value read back is the value written; cells and pairs numbered from 1.
 *
 * <pre>
 * cellgate-ledger 1
 * pack pack1 20 NCM
 * since 1764680000000
 * pack-charge IN_C OUT_C MEASURED_S
 * total
 * cell 1 IN_C OUT_C BLED_C ACTIVE_S     (one line per cell)
 * pair 1 MOVED_C ACTIVE_S               (one line per pair)
 * day 2026-12-02                        (then its cell and pair lines; newest day first)
 * </pre>
 *
 * <p>Written atomically: a temporary file beside it, forced to the disk, renamed over it, the folder forced; a kill
 * at any moment leaves the last file whole.
 */
final class LedgerFile {

    static final String SUFFIX = ".ledger";
    private static final String MAGIC = "cellgate-ledger 1";

    private LedgerFile() {
    }

    static Path of(Path directory, String packId) {
        return directory.resolve(packId + SUFFIX);
    }

    static void write(LedgerSnapshot ledger, Path file) throws IOException {
        writeAtomically(format(ledger), file);
    }

    /**
     * Writes {@code text} to {@code file} atomically: a temporary file beside it, forced to the disk, renamed over
     * it, the folder forced. The insight's other files are written the same way.
     */
    static void writeAtomically(String text, Path file) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = directory.resolve(file.getFileName() + ".tmp");
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            out.force(true);
        }
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
        try (FileChannel folder = FileChannel.open(directory, StandardOpenOption.READ)) {
            folder.force(true); // the rename itself, on file systems that journal it with the folder
        } catch (IOException notOnThisSystem) {
            // some systems cannot open a folder; the rename is then as durable as the system makes it
        }
    }

    static String format(LedgerSnapshot ledger) {
        PackDescription pack = ledger.pack();
        StringBuilder b = new StringBuilder(4096).append(MAGIC).append('\n');
        b.append("pack ").append(pack.id()).append(' ').append(pack.cells()).append(' ')
                .append(pack.chemistry().name()).append('\n');
        b.append("since ").append(ledger.sinceMillis()).append('\n');
        PackCharge charge = ledger.packCharge();
        b.append("pack-charge ").append(charge.inCoulombs()).append(' ').append(charge.outCoulombs()).append(' ')
                .append(charge.measuredSeconds()).append('\n');
        b.append("total\n");
        counts(b, ledger.total());
        for (LedgerDay day : ledger.days()) {
            b.append("day ").append(day.date()).append('\n');
            counts(b, day.counts());
        }
        return b.toString();
    }

    private static void counts(StringBuilder b, LedgerCounts counts) {
        for (int c = 0; c < counts.cells(); c++) {
            b.append("cell ").append(c + 1).append(' ').append(counts.inCoulombs(c)).append(' ')
                    .append(counts.outCoulombs(c)).append(' ').append(counts.bledCoulombs(c)).append(' ')
                    .append(counts.activeSeconds(c)).append('\n');
        }
        for (int k = 0; k < counts.pairs(); k++) {
            b.append("pair ").append(k + 1).append(' ').append(counts.pairCoulombs(k)).append(' ')
                    .append(counts.pairActiveSeconds(k)).append('\n');
        }
    }

    /** @throws IOException when the file cannot be read, or is no ledger: the message says where and why */
    static LedgerSnapshot read(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
    }

    static LedgerSnapshot parse(List<String> lines, String source) throws IOException {
        Lines in = new Lines(lines, source);
        if (!MAGIC.equals(in.next())) {
            throw in.error("it is no Cellgate ledger: the first line must be '" + MAGIC + "'");
        }
        PackDescription pack = in.pack();
        long since = in.longValue(in.fields("since", 2)[1]);
        String[] c = in.fields("pack-charge", 4);
        PackCharge charge = new PackCharge(in.number(c[1]), in.number(c[2]), in.number(c[3]), Double.NaN);
        in.fields("total", 1);
        LedgerCounts total = counts(in, pack.cells());
        List<LedgerDay> days = new ArrayList<>();
        while (in.hasNext()) {
            String[] d = in.fields("day", 2);
            LocalDate date;
            try {
                date = LocalDate.parse(d[1]);
            } catch (DateTimeParseException e) {
                throw in.error("'" + d[1] + "' is no date such as 2026-12-02");
            }
            days.add(new LedgerDay(date, counts(in, pack.cells())));
        }
        try {
            return new LedgerSnapshot(pack, since, total, days, charge);
        } catch (IllegalArgumentException e) {
            throw in.error(e.getMessage());
        }
    }

    private static LedgerCounts counts(Lines in, int cells) throws IOException {
        double[][] perCell = new double[4][cells];
        double[][] perPair = new double[2][cells - 1];
        for (int c = 0; c < cells; c++) {
            String[] f = in.numbered("cell", c + 1, 6);
            for (int i = 0; i < 4; i++) {
                perCell[i][c] = in.number(f[i + 2]);
            }
        }
        for (int k = 0; k < cells - 1; k++) {
            String[] f = in.numbered("pair", k + 1, 4);
            perPair[0][k] = in.number(f[2]);
            perPair[1][k] = in.number(f[3]);
        }
        return new LedgerCounts(perCell[0], perCell[1], perCell[2], perCell[3], perPair[0], perPair[1]);
    }

    /** The lines of a file being read, with errors that name the file and the line. */
    static final class Lines {
        private final List<String> lines;
        private final String source;
        private int at;

        Lines(List<String> lines, String source) {
            this.lines = lines;
            this.source = source;
        }

        boolean hasNext() {
            while (at < lines.size() && lines.get(at).isBlank()) {
                at++;
            }
            return at < lines.size();
        }

        String next() throws IOException {
            if (!hasNext()) {
                throw new IOException(source + " ends too early, after line " + at);
            }
            return lines.get(at++).strip();
        }

        /** The next line, {@code pack <id> <cells> <chemistry>}, as the pack it names. */
        PackDescription pack() throws IOException {
            String[] p = fields("pack", 4);
            try {
                return new PackDescription(p[1], integer(p[2]), Chemistry.parse(p[3]));
            } catch (IllegalArgumentException e) {
                throw error(e.getMessage());
            }
        }

        /** The next line's words; it must start with {@code keyword} and have {@code count} words. */
        String[] fields(String keyword, int count) throws IOException {
            String[] f = next().split(" ");
            if (!f[0].equals(keyword) || f.length != count) {
                throw error("expected a '" + keyword + "' line of " + count + " words");
            }
            return f;
        }

        String[] numbered(String keyword, int number, int count) throws IOException {
            String[] f = fields(keyword, count);
            if (!f[1].equals(Integer.toString(number))) {
                throw error("expected " + keyword + " " + number + ", one line for each in order");
            }
            return f;
        }

        double number(String text) throws IOException {
            try {
                double value = Double.parseDouble(text);
                if (!(value >= 0) || value == Double.POSITIVE_INFINITY) {
                    throw error("'" + text + "' must be a finite number, 0 or more");
                }
                return value;
            } catch (NumberFormatException e) {
                throw error("'" + text + "' is no number");
            }
        }

        /** A number of any sign, or NaN for one not known; no infinity. */
        double numberOrNaN(String text) throws IOException {
            try {
                double value = Double.parseDouble(text);
                if (Double.isInfinite(value)) {
                    throw error("'" + text + "' must be a finite number or NaN");
                }
                return value;
            } catch (NumberFormatException e) {
                throw error("'" + text + "' is no number");
            }
        }

        int integer(String text) throws IOException {
            long value = longValue(text);
            if (value != (int) value) {
                throw error("'" + text + "' is too large");
            }
            return (int) value;
        }

        long longValue(String text) throws IOException {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw error("'" + text + "' is no whole number");
            }
        }

        IOException error(String why) {
            return new IOException(source + ":" + at + ": " + why);
        }
    }
}
