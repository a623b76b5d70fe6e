package io.cellgate.sim.model;

import io.cellgate.api.balancer.Decision;
import io.cellgate.api.balancer.PairDirection;
import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackReading;

/**
 * Measures {@link SimPack#step} in cell-steps per second for a 24-cell pack on one thread. Not a unit test (timings
 * depend on the machine); run it by hand after {@code mvn test-compile}:
 * <pre>
 *   java -cp target/classes:target/test-classes:$HOME/.m2/repository/io/cellgate/io.cellgate.api/0.1.0-SNAPSHOT/io.cellgate.api-0.1.0-SNAPSHOT.jar \
 *       io.cellgate.sim.model.StepThroughput [seconds] [mode]
 * </pre>
 * Give a mode (e.g. {@code DECISION_ALL_PAIRS}) to measure it alone in a fresh JVM: the modes share code, and a
 * mode measured after others runs with their profiles mixed in.
 */
public final class StepThroughput {

    private static final int CELLS = 24;
    private static final int BLOCK = 1000; // steps between flips of load and pair directions

    private StepThroughput() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2.0;
        Mode[] modes = args.length > 1 ? new Mode[] {Mode.valueOf(args[1])} : Mode.values();
        for (Mode mode : modes) {
            measure(mode, 1.0); // warm up: let the JIT compile this path
            double rate = measure(mode, seconds);
            System.out.printf("%-34s %,16.0f cell-steps/s  (%,.1f ns per 24-cell step)%n",
                    mode.label, rate, 1e9 * CELLS / rate);
        }
    }

    private enum Mode {
        DECISION_ALL_PAIRS("step(Decision), all 23 pairs on"),
        DECISION_IDLE("step(Decision), pairs idle"),
        STEP_AND_READ("step(Decision) + read, every step");

        final String label;

        Mode(String label) {
            this.label = label;
        }
    }

    private static double measure(Mode mode, double seconds) {
        SimPack pack = new SimPack(SimPackSpec.builder(CELLS, Chemistry.NCM, 2.5).initialSocDrawn(0.5, 0.02)
                .selfDischarge(5, 8).seed(3).build());
        Decision decision = new Decision(CELLS);
        Decision flippedDecision = new Decision(CELLS);
        for (int k = 0; k < CELLS - 1; k++) {
            boolean up = k % 2 == 0;
            double amps = mode == Mode.DECISION_IDLE ? 0 : 0.5;
            decision.setPair(k, up ? PairDirection.LOWER_TO_UPPER : PairDirection.UPPER_TO_LOWER, amps);
            flippedDecision.setPair(k, up ? PairDirection.UPPER_TO_LOWER : PairDirection.LOWER_TO_UPPER, amps);
        }
        decision.setBoardDrawAmps(10e-6);
        flippedDecision.setBoardDrawAmps(10e-6);
        PackReading reading = new PackReading(CELLS);

        long steps = 0;
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        long now;
        do {
            for (int block = 0; block < 10; block++) {
                boolean even = (block & 1) == 0;
                double amps = even ? 1.0 : -1.0;
                for (int s = 0; s < BLOCK; s++) {
                    switch (mode) {
                        case DECISION_ALL_PAIRS, DECISION_IDLE -> pack.step(0.01, amps, even ? decision : flippedDecision);
                        case STEP_AND_READ -> {
                            pack.step(0.01, amps, even ? decision : flippedDecision);
                            pack.read(reading);
                        }
                    }
                }
            }
            steps += 10L * BLOCK;
            now = System.nanoTime();
        } while (now < deadline);
        double rate = steps * (double) CELLS / ((now - start) * 1e-9);
        pack.read(reading);
        if (!(pack.conservationError() < 1e-9) || !Double.isFinite(reading.volts(0) + pack.soc(0))) {
            throw new AssertionError("the run went wrong: " + pack.conservationError());
        }
        return rate;
    }
}
