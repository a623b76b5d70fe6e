package io.cellgate.export.file;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CsvFormatTest {

    @Test
    void theHeaderNamesEveryCellAndPairFromOne() {
        assertEquals("time,tick,cell1_volts,cell1_status,cell2_volts,cell2_status,cell3_volts,cell3_status,"
                + "pair1_amps,pair2_amps,board_state,health,temperature_celsius", CsvFormat.header(3));
    }

    @Test
    void aRowHasExactVoltsSignedAmpsAndEmptyFieldsForWhatIsMissing() {
        String row = CsvFormat.row(TestPacks.snapshot("p", 3, 42), 1_764_000_000_123L);
        assertEquals("2025-11-24T16:00:00.123Z,42,3.7,OK,,OPEN_WIRE,3.702,OK,-0.5,0.0,ACTIVE,OK,", row);
        assertEquals(CsvFormat.header(3).split(",").length, row.split(",", -1).length);
    }
}
