package io.cellgate.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.balancer.Balancer;
import io.cellgate.api.balancer.BalancerModel;
import io.cellgate.api.balancer.BoardState;
import io.cellgate.api.balancer.Decision;
import io.cellgate.api.balancer.Indicator;
import io.cellgate.api.balancer.ModelDescriptor;
import io.cellgate.api.balancer.PairDirection;
import io.cellgate.api.balancer.Topology;
import io.cellgate.api.driver.CellVoltageSource;
import io.cellgate.api.pack.CellStatus;
import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.pack.PackHealth;
import io.cellgate.api.pack.PackReading;
import io.cellgate.api.recording.RecordingFormat;
import io.cellgate.engine.PackEngine;
import io.cellgate.engine.PackEvents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same readings give the same decisions, refusals and faults in the gateway's engine, in a scenario and in a
 * replay. A scenario on the physics makes the sequence (an imbalance, an open wire, an offset that puts every cell
 * beyond any plausible voltage, a model that asks too much current at times); the readings it decided on are then
 * fed to the pack engine as the gateway's controller ticks it, and written as a recording for the replay runner.
 */
class OneDecisionPathTest {

    static final int CELLS = 8;

    @TempDir
    Path dir;

    @Test
    void theGatewayAScenarioAndAReplayDecideRefuseAndFaultAlike() throws IOException {
        Path file = dir.resolve("one-path.json");
        Files.writeString(file, """
                {"name": "one path", "pack": {"cells": 8, "chemistry": "NCM", "capacityAh": 2.5,
                  "initialVolts": [3.70, 3.75, 3.68, 3.82, 3.71, 3.66, 3.96, 3.72], "seed": 1},
                 "balancer": "NAIVE",
                 "faults": [{"atSeconds": 20, "kind": "openWire", "cell": 3},
                            {"atSeconds": 40, "kind": "reconnect", "cell": 3},
                            {"atSeconds": 60, "kind": "noise", "sigmaMv": 0, "offsetMv": 3000},
                            {"atSeconds": 70, "kind": "noise", "sigmaMv": 0, "offsetMv": 0}],
                 "stepSeconds": 1, "tickSeconds": 1, "durationSeconds": 100, "traceEverySeconds": 10}
                """);
        Scenario scenario = Scenario.read(file);
        NaiveModel inScenario = new NaiveModel();
        ScenarioResult fromScenario = ScenarioRunner.run(scenario, inScenario);
        List<PackReading> sequence = inScenario.seen;
        assertEquals(101, sequence.size(), "one reading a second, 0 to 100 s");

        // The gateway: the engine as PackController ticks it, on readings from a source.
        List<String> gatewayFaults = new ArrayList<>();
        long[] now = {0};
        PackEngine engine = new PackEngine(scenario.description(), () -> now[0], () -> now[0] / 1_000_000, 10, new PackEvents() {
            @Override
            public void info(String message) {
            }

            @Override
            public void warn(String message) {
                gatewayFaults.add(String.format(java.util.Locale.ROOT, "%.1f s: %s", now[0] / 1e9, message));
            }

            @Override
            public void error(String message, Throwable cause) {
                gatewayFaults.add(message);
            }
        });
        NaiveModel inGateway = new NaiveModel();
        DecisionTimeline gateway = new DecisionTimeline(CELLS);
        List<PackHealth> health = new ArrayList<>();
        for (int i = 0; i < sequence.size(); i++) {
            now[0] = i * 1_000_000_000L;
            engine.tick(now[0], fixed(sequence.get(i)), inGateway, null, null, null);
            gateway.record(i, engine.state().decision());
            health.add(engine.state().health());
        }

        // The replay: the same readings as the recorder writes them.
        Path csv = dir.resolve("one-path.csv");
        StringBuilder b = new StringBuilder(RecordingFormat.header(CELLS)).append('\n');
        Decision none = new Decision(CELLS);
        for (int i = 0; i < sequence.size(); i++) {
            b.append(RecordingFormat.row(1_767_225_600_000L + i * 1000L, i + 1, sequence.get(i), none, PackHealth.OK))
                    .append('\n');
        }
        Files.writeString(csv, b);
        Files.writeString(dir.resolve("replay.json"), "{\"name\": \"one path\", \"replay\": \"one-path.csv\", "
                + "\"pack\": {\"cells\": 8, \"chemistry\": \"NCM\"}, \"balancer\": \"NAIVE\"}");
        ScenarioResult fromReplay = ReplayRunner.run(Scenario.read(dir.resolve("replay.json")), new NaiveModel())
                .result();

        // The sequence holds what it should: balancing, an open wire, implausible voltages, refused decisions.
        assertEquals(CellStatus.OPEN_WIRE, sequence.get(30).status(2));
        assertTrue(sequence.get(65).status(0) == CellStatus.OUT_OF_RANGE, "3 V offset: beyond 6 V");
        assertTrue(health.contains(PackHealth.OK));
        assertTrue(health.contains(PackHealth.BALANCER_FAILED), "the naive model balances on invalid cells");

        assertEquals(gateway.pairs, fromScenario.pairs());
        assertEquals(gateway.pairs, fromReplay.pairs());
        assertEquals(gateway.indicators, fromScenario.indicators());
        assertEquals(gateway.indicators, fromReplay.indicators());
        assertEquals(gateway.boards, fromScenario.boardStates());
        assertEquals(gateway.boards, fromReplay.boardStates());
        assertTrue(health.subList(80, 85).stream().allMatch(h -> h == PackHealth.BALANCER_FAILED), "2 A refused");
        assertTrue(fromScenario.events().stream().anyMatch(e -> e.contains("beyond the model's limits")),
                fromScenario.events()::toString);
        assertEquals(gatewayFaults, fromScenario.events());
        assertEquals(gatewayFaults, fromReplay.events());
    }

    /** A source that reads one fixed reading. */
    private static CellVoltageSource fixed(PackReading reading) {
        return CellVoltageSource.of(reading.cells(), into -> into.copyFrom(reading));
    }

    /**
     * A careless board: balances every pair whose cells differ by more than 20 mV at 0.5 A, looking at voltages
     * only (so it balances on an implausible cell, which the platform refuses), and asks 2 A, twice its declared
     * maximum, from the 80th to the 85th second. Keeps every reading it was asked to decide on.
     */
    static final class NaiveModel implements BalancerModel {
        final List<PackReading> seen = new ArrayList<>();

        @Override
        public ModelDescriptor descriptor() {
            return new ModelDescriptor("NAIVE", "test", "Cellgate tests", 2, 24, Set.of(Chemistry.NCM),
                    Topology.values()[0], 1.0, Map.of());
        }

        @Override
        public Balancer create(PackDescription pack) {
            return (reading, out) -> {
                PackReading copy = new PackReading(reading.cells());
                copy.copyFrom(reading);
                seen.add(copy);
                out.setBoardState(BoardState.ACTIVE);
                for (int k = 0; k < out.pairs(); k++) {
                    double dv = reading.volts(k + 1) - reading.volts(k);
                    if (Math.abs(dv) > 0.020) {
                        out.setPair(k, dv > 0 ? PairDirection.UPPER_TO_LOWER : PairDirection.LOWER_TO_UPPER,
                                overCurrent(reading.timeNanos()) ? 2.0 : 0.5);
                        out.setIndicator(k, Indicator.ON);
                    }
                }
            };
        }

        private static boolean overCurrent(long timeNanos) {
            return timeNanos >= 80_000_000_000L && timeNanos < 85_000_000_000L;
        }
    }
}
