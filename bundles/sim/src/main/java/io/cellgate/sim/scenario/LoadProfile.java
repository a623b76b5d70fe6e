package io.cellgate.sim.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The pack current over time, a step schedule: from {@code atSeconds[i]} on, the pack carries {@code amps[i]}
 * (positive discharges, negative charges) until the next step. A constant load is one step at 0 s.
 */
public record LoadProfile(double[] atSeconds, double[] amps) {

    public LoadProfile {
        if (atSeconds.length != amps.length || atSeconds.length == 0) {
            throw new IllegalArgumentException("a load profile needs one current per time, at least one");
        }
        for (int i = 1; i < atSeconds.length; i++) {
            if (!(atSeconds[i] > atSeconds[i - 1])) {
                throw new IllegalArgumentException("load steps must be in increasing time: step " + i + " at "
                        + atSeconds[i] + " s follows " + atSeconds[i - 1] + " s");
            }
        }
        atSeconds = atSeconds.clone();
        amps = amps.clone();
    }

    public static LoadProfile constant(double amps) {
        return new LoadProfile(new double[] {0}, new double[] {amps});
    }

    /** Reads "seconds,amps" lines; a first line that is not numbers is a header; '#' starts a comment. */
    public static LoadProfile fromCsv(Path file) throws IOException {
        List<double[]> rows = new ArrayList<>();
        int n = 0;
        for (String line : Files.readAllLines(file)) {
            n++;
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String[] cells = text.split("[,;\\s]+");
            try {
                if (cells.length != 2) {
                    throw new NumberFormatException();
                }
                rows.add(new double[] {Double.parseDouble(cells[0]), Double.parseDouble(cells[1])});
            } catch (NumberFormatException e) {
                if (rows.isEmpty() && n == 1) {
                    continue; // header
                }
                throw new IllegalArgumentException(file + ":" + n + ": expected 'seconds,amps', got '" + text + "'");
            }
        }
        double[] t = new double[rows.size()];
        double[] a = new double[rows.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = rows.get(i)[0];
            a[i] = rows.get(i)[1];
        }
        return new LoadProfile(t, a);
    }

    /** Index of the step in force at {@code seconds}, searching on from {@code from} (times only grow). */
    int stepAt(double seconds, int from) {
        int i = from;
        while (i + 1 < atSeconds.length && atSeconds[i + 1] <= seconds) {
            i++;
        }
        return i;
    }
}
