package io.cellgate.api.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.balancer.BoardState;
import io.cellgate.api.balancer.Decision;
import io.cellgate.api.balancer.PairDirection;
import io.cellgate.api.pack.CellStatus;
import io.cellgate.api.pack.PackHealth;
import io.cellgate.api.pack.PackReading;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RecordingFormatTest {

    /** One recorded tick, as the recorder saw it. */
    private record Tick(long wallMillis, long tick, PackReading reading, Decision decision, PackHealth health) {
    }

    private static RecordingReader reader(String text) throws IOException {
        return new RecordingReader(new BufferedReader(new StringReader(text)), "p.csv");
    }

    private static String refusal(String text) {
        return assertThrows(IllegalArgumentException.class, () -> reader(text)).getMessage();
    }

    private static String rowRefusal(String text) throws IOException {
        RecordingReader r = reader(text);
        return assertThrows(IllegalArgumentException.class, () -> r.next(new PackReading(r.cells()))).getMessage();
    }

    @Test
    void theHeaderNamesTheVersionThenEveryCellAndPairFromOne() {
        assertEquals("# cellgate recording format 1\n"
                + "time,tick,cell1_volts,cell1_status,cell2_volts,cell2_status,cell3_volts,cell3_status,"
                + "pair1_amps,pair2_amps,board_state,health,temperature_celsius", RecordingFormat.header(3));
    }

    @Test
    void aRowHasExactVoltsSignedAmpsAndEmptyFieldsForNaN() {
        PackReading r = PackReading.of(3.7, Double.NaN, 3.702);
        r.setStatus(1, CellStatus.OPEN_WIRE);
        Decision d = new Decision(3);
        d.setPair(0, PairDirection.UPPER_TO_LOWER, 0.5);
        d.setBoardState(BoardState.ACTIVE);
        String row = RecordingFormat.row(1_764_000_000_123L, 42, r, d, PackHealth.OK);
        assertEquals("2025-11-24T16:00:00.123Z,42,3.7,OK,,OPEN_WIRE,3.702,OK,-0.5,0.0,ACTIVE,OK,", row);
        assertEquals(RecordingFormat.columnNames(3).length, row.split(",", -1).length);
    }

    @Test
    void currentsAreWrittenToTheMicroampereWithoutFloatNoise() {
        PackReading r = PackReading.of(3.7, 3.71, 3.72, 3.73);
        Decision d = new Decision(4);
        d.setPair(0, PairDirection.UPPER_TO_LOWER, 0.35542999999999997);
        d.setPair(1, PairDirection.LOWER_TO_UPPER, 0.0005);
        d.setPair(2, PairDirection.LOWER_TO_UPPER, 1.0000004);
        d.setBoardState(BoardState.ACTIVE);
        String row = RecordingFormat.row(1_764_000_000_123L, 1, r, d, PackHealth.OK);
        assertTrue(row.contains(",-0.35543,0.0005,1.0,ACTIVE,"), row);
        assertEquals(-0.35543, RecordingFormat.recordedAmps(-0.35542999999999997));
        assertEquals(0.0, RecordingFormat.recordedAmps(4e-7));
    }

    @Test
    void anOldRowWithEveryDigitOfACurrentStillReads() throws IOException {
        RecordingReader r = reader(RecordingFormat.header(2) + "\n"
                + "2025-11-24T16:00:00.123Z,42,3.7,OK,3.71,OK,-0.35542999999999997,ACTIVE,OK,\n");
        assertTrue(r.next(new PackReading(2)));
        assertEquals(-0.35542999999999997, r.signedAmps(0));
    }

    @Test
    void randomTicksComeBackBitForBit() throws IOException {
        SplittableRandom random = new SplittableRandom(20261202);
        for (int run = 0; run < 50; run++) {
            int cells = random.nextInt(2, 49);
            List<Tick> ticks = new ArrayList<>();
            StringBuilder file = new StringBuilder(RecordingFormat.header(cells)).append('\n');
            for (int t = 0; t < 20; t++) {
                Tick tick = randomTick(random, cells, t);
                ticks.add(tick);
                file.append(RecordingFormat.row(tick.wallMillis(), tick.tick(), tick.reading(), tick.decision(),
                        tick.health())).append('\n');
            }
            try (RecordingReader in = reader(file.toString())) {
                assertEquals(cells, in.cells());
                PackReading back = new PackReading(cells);
                for (Tick expected : ticks) {
                    assertTrue(in.next(back));
                    assertSame(expected, in, back);
                }
                assertFalse(in.next(back));
            }
        }
    }

    private static Tick randomTick(SplittableRandom random, int cells, int index) {
        PackReading reading = new PackReading(cells);
        CellStatus[] statuses = CellStatus.values();
        for (int c = 0; c < cells; c++) {
            CellStatus status = statuses[random.nextInt(statuses.length)];
            double volts = switch (random.nextInt(6)) {
                case 0 -> Double.NaN;
                case 1 -> -0.0;
                case 2 -> Double.longBitsToDouble(random.nextLong(0x7ff0000000000000L)); // any positive double
                case 3 -> random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.MIN_VALUE;
                default -> random.nextDouble(2.5, 4.3);
            };
            reading.set(c, volts, status);
        }
        reading.setTemperatureCelsius(random.nextBoolean() ? Double.NaN : random.nextDouble(-40, 90));
        Decision decision = new Decision(cells);
        PairDirection[] directions = PairDirection.values();
        for (int k = 0; k < cells - 1; k++) {
            decision.setPair(k, directions[random.nextInt(directions.length)], random.nextDouble(0, 2));
        }
        decision.setBoardState(BoardState.values()[random.nextInt(BoardState.values().length)]);
        PackHealth health = PackHealth.values()[random.nextInt(PackHealth.values().length)];
        long wallMillis = random.nextLong(946_684_800_000L, 4_102_444_800_000L); // 2000 to 2100
        return new Tick(wallMillis, 1 + index + random.nextLong(1L << 40), reading, decision, health);
    }

    private static void assertSame(Tick expected, RecordingReader in, PackReading back) {
        assertEquals(expected.wallMillis(), in.wallMillis());
        assertEquals(expected.tick(), in.tick());
        for (int c = 0; c < back.cells(); c++) {
            assertEquals(Double.doubleToRawLongBits(expected.reading().volts(c)),
                    Double.doubleToRawLongBits(back.volts(c)), "cell " + c + ": " + expected.reading().volts(c));
            assertEquals(expected.reading().status(c), back.status(c));
        }
        assertEquals(Double.doubleToRawLongBits(expected.reading().temperatureCelsius()),
                Double.doubleToRawLongBits(back.temperatureCelsius()));
        for (int k = 0; k < back.cells() - 1; k++) {
            assertEquals(Double.doubleToRawLongBits(RecordingFormat.recordedAmps(expected.decision().signedAmps(k))),
                    Double.doubleToRawLongBits(in.signedAmps(k)), "pair " + k + ": to the microampere");
        }
        assertEquals(expected.decision().boardState(), in.boardState());
        assertEquals(expected.health(), in.health());
    }

    @Test
    void whatIsNoRecordingIsRefusedSayingWhy() {
        assertEquals("p.csv: empty, not a pack recording (its first line would be '# cellgate recording format 1')",
                refusal(""));
        assertEquals("p.csv:1: not a pack recording: the first line must be '# cellgate recording format 1'",
                refusal("\u0089PNG garbage\u0000\n"));
        assertEquals("p.csv:1: not a pack recording: the first line must be '# cellgate recording format 1'",
                refusal(RecordingFormat.columns(3) + "\n2025-11-24T16:00:00.123Z,1\n"));
        assertEquals("p.csv: no column header after the version line", refusal("# cellgate recording format 1\n"));
        assertEquals("p.csv:2: the column header is not that of a format 1 recording "
                + "(time,tick,cell1_volts,cell1_status,...,temperature_celsius)",
                refusal("# cellgate recording format 1\ntime,cell1_volts,cell2_volts\n"));
    }

    @Test
    void aRecordingWithoutRowsIsRefused() {
        assertEquals("p.csv: no rows: the recording has its header only (a recorder writes a row per recorded tick); "
                + "record for longer or choose another file", refusal(RecordingFormat.header(4) + "\n\n"));
    }

    @Test
    void anotherFormatVersionIsRefused() {
        assertEquals("p.csv:1: recording format '2' is unknown: this Cellgate reads format 1; replay the file with "
                + "the Cellgate version that recorded it",
                refusal("# cellgate recording format 2\n" + RecordingFormat.columns(2) + "\n"));
    }

    @Test
    void aBadRowIsNamedByLineAndColumn() throws IOException {
        String header = RecordingFormat.header(2) + "\n";
        String good = "2025-11-24T16:00:00.123Z,1,3.7,OK,3.8,OK,0.0,SLEEP,OK,\n";
        assertEquals("p.csv:4: cell2_volts 'x' is not a number", rowRefusal(header + "\n"
                + "2025-11-24T16:00:00.123Z,1,3.7,OK,x,OK,0.0,SLEEP,OK,\n"));
        assertEquals("p.csv:3: cell1_status 'SHORT' is unknown; expected [OK, OPEN_WIRE, OUT_OF_RANGE, STALE]",
                rowRefusal(header + good.replace("3.7,OK", "3.7,SHORT")));
        assertEquals("p.csv:3: 6 fields, a row of this 2-cell recording has 10",
                rowRefusal(header + "2025-11-24T16:00:00.123Z,1,3.7,OK,3.8,OK\n"));
        assertEquals("p.csv:3: time 'yesterday' is not an ISO-8601 instant such as 2026-11-25T10:15:30.123Z",
                rowRefusal(header + good.replace("2025-11-24T16:00:00.123Z", "yesterday")));
        assertEquals("p.csv:3: health 'FINE' is unknown; expected [OK, NO_BALANCER, NO_SOURCE, READING_FAILED, "
                + "BALANCER_FAILED, OUTPUT_FAILED, STARTING, BOARD_FAULT, STALLED]",
                rowRefusal(header + good.replace("SLEEP,OK", "SLEEP,FINE")));
    }
}
