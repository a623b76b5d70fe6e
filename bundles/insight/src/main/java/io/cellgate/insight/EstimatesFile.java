package io.cellgate.insight;

import io.cellgate.api.pack.PackDescription;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The estimates of one pack kept across restarts, {@code <pack id>.estimates} beside its ledger, written atomically
 * as the ledger is: each cell's capacity, its confidence, its self-discharge and the rest points they rest on. Only
 * these: the charge counted between rests is not known across a restart (the pack may have run without the gateway),
 * so a restarted gateway shows them until its own rests measure them again, and reads the state of charge afresh at
 * the next rest. Lines of words separated by single spaces, doubles as Java prints them ({@code NaN}: not known):
 *
 * <pre>
 * cellgate-estimates 1
 * pack pack1 20 NCM
 * at 1796224568413                       when they were worked out, ms since the epoch
 * cell 1 CAPACITY_C CONFIDENCE LEAK_A POINTS   (one line per cell, in order)
 * </pre>
 */
final class EstimatesFile {

    static final String SUFFIX = ".estimates";
    private static final String MAGIC = "cellgate-estimates 1";

    private EstimatesFile() {
    }

    /**
     * Saved estimates.
     *
     * @param capacityCoulombs per cell, NaN when not known
     * @param confidence       per cell, 0…1
     * @param leakAmps         per cell, NaN when not known
     * @param points           per cell, the rest points
     */
    record Saved(PackDescription pack, long atMillis, double[] capacityCoulombs, double[] confidence,
            double[] leakAmps, int[] points) {
    }

    static Path of(Path directory, String packId) {
        return directory.resolve(packId + SUFFIX);
    }

    static void write(Saved saved, Path file) throws IOException {
        PackDescription pack = saved.pack();
        StringBuilder b = new StringBuilder(2048).append(MAGIC).append('\n');
        b.append("pack ").append(pack.id()).append(' ').append(pack.cells()).append(' ')
                .append(pack.chemistry().name()).append('\n');
        b.append("at ").append(saved.atMillis()).append('\n');
        for (int c = 0; c < pack.cells(); c++) {
            b.append("cell ").append(c + 1).append(' ').append(saved.capacityCoulombs()[c]).append(' ')
                    .append(saved.confidence()[c]).append(' ').append(saved.leakAmps()[c]).append(' ')
                    .append(saved.points()[c]).append('\n');
        }
        LedgerFile.writeAtomically(b.toString(), file);
    }

    /** @throws IOException when the file cannot be read or holds no estimates: the message says where and why */
    static Saved read(Path file) throws IOException {
        LedgerFile.Lines in = new LedgerFile.Lines(Files.readAllLines(file, StandardCharsets.UTF_8),
                file.toString());
        if (!MAGIC.equals(in.next())) {
            throw in.error("it holds no Cellgate estimates: the first line must be '" + MAGIC + "'");
        }
        PackDescription pack = in.pack();
        long at = in.longValue(in.fields("at", 2)[1]);
        int cells = pack.cells();
        double[] capacity = new double[cells];
        double[] confidence = new double[cells];
        double[] leak = new double[cells];
        int[] points = new int[cells];
        for (int c = 0; c < cells; c++) {
            String[] f = in.numbered("cell", c + 1, 6);
            capacity[c] = in.numberOrNaN(f[2]);
            confidence[c] = in.number(f[3]);
            leak[c] = in.numberOrNaN(f[4]);
            points[c] = in.integer(f[5]);
        }
        return new Saved(pack, at, capacity, confidence, leak, points);
    }
}
