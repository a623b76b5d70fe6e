package io.cellgate.export.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.pack.CellStatus;
import io.cellgate.api.pack.PackHealth;
import io.cellgate.api.runtime.Pack;
import io.cellgate.api.telemetry.PackStateBuffer;
import io.cellgate.api.telemetry.PackView;
import io.prometheus.client.CollectorRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackCollectorTest {

    private final CollectorRegistry registry = new CollectorRegistry();
    private final List<Pack> packs = new ArrayList<>();

    PackCollectorTest() {
        registry.register(new PackCollector(() -> new ArrayList<>(packs)));
    }

    private Double value(String name, String... labels) {
        String[] names = labels.length == 1 ? new String[] {"pack"} : labels.length == 2
                ? new String[] {"pack", name.contains("pair") ? "pair" : name.contains("board") ? "state" : "cell"}
                : new String[] {"pack", "cell", "state"};
        return registry.getSampleValue(name, names, labels);
    }

    @Test
    void anOpenWireIsAStatusSeriesOfOneNotJustANaN() {
        packs.add(TestPacks.pack("p1", 4, PackView.of(TestPacks.typical(TestPacks.state("p1", 4))), 77));
        String[] labels = {"pack", "cell", "status"};
        assertEquals(1.0, registry.getSampleValue("cellgate_cell_status", labels, new String[] {"p1", "3",
            "OPEN_WIRE"}));
        assertEquals(0.0, registry.getSampleValue("cellgate_cell_status", labels, new String[] {"p1", "3", "OK"}));
        assertEquals(1.0, registry.getSampleValue("cellgate_cell_status", labels, new String[] {"p1", "1", "OK"}));
        for (CellStatus st : CellStatus.values()) {
            assertTrue(registry.getSampleValue("cellgate_cell_status", labels, new String[] {"p1", "2", st.name()})
                    != null, "every status has a series: " + st);
        }
    }

    @Test
    void thePacksHealthIsOneForTheCurrentAndZeroForTheOthers() {
        packs.add(TestPacks.pack("p1", 4, PackView.of(TestPacks.state("p1", 4).setHealth(PackHealth.NO_BALANCER)),
                5));
        String[] labels = {"pack", "health"};
        for (PackHealth h : PackHealth.values()) {
            assertEquals(h == PackHealth.NO_BALANCER ? 1.0 : 0.0, registry.getSampleValue("cellgate_pack_health",
                    labels, new String[] {"p1", h.name()}), h.name());
        }
    }

    @Test
    void thePackCurrentIsASampleOnlyWhereItIsMeasured() {
        PackStateBuffer charging = TestPacks.state("p2", 4);
        charging.reading().setPackAmps(2.5);
        packs.add(TestPacks.pack("p1", 4, PackView.of(TestPacks.state("p1", 4)), 5));
        packs.add(TestPacks.pack("p2", 4, PackView.of(charging), 5));
        assertNull(registry.getSampleValue("cellgate_pack_current_amperes", new String[] {"pack"},
                new String[] {"p1"}), "no current source: no sample, not NaN or 0");
        assertEquals(2.5, registry.getSampleValue("cellgate_pack_current_amperes", new String[] {"pack"},
                new String[] {"p2"}));
    }

    @Test
    void fitWarningsAreCountedSoThatAnAlertNeedsNoText() {
        packs.add(TestPacks.pack("p1", 4, PackView.of(TestPacks.state("p1", 4)), 5));
        packs.add(TestPacks.pack("p2", 4, PackView.of(TestPacks.state("p2", 4)
                .setFitWarnings(List.of("low strings", "cascade"))), 5));
        assertEquals(0.0, registry.getSampleValue("cellgate_pack_fit_warnings", new String[] {"pack"},
                new String[] {"p1"}));
        assertEquals(2.0, registry.getSampleValue("cellgate_pack_fit_warnings", new String[] {"pack"},
                new String[] {"p2"}));
    }

    @Test
    void cellsPairsLedsAndBoardFromTheLatestView() {
        packs.add(TestPacks.pack("p1", 4, PackView.of(TestPacks.typical(TestPacks.state("p1", 4))), 77));
        assertEquals(3.70, value("cellgate_cell_voltage_volts", "p1", "1"), 1e-12);
        assertEquals(3.73, value("cellgate_cell_voltage_volts", "p1", "4"), 1e-12);
        assertTrue(value("cellgate_cell_voltage_volts", "p1", "3").isNaN(), "an open wire has no voltage");
        assertEquals(0.01, value("cellgate_pair_delta_volts", "p1", "1"), 1e-12);
        assertNull(value("cellgate_pair_delta_volts", "p1", "2"), "no sample for a pair with an open cell");
        assertNull(value("cellgate_pair_delta_volts", "p1", "3"));
        assertEquals(-0.5, value("cellgate_pair_balance_current_amperes", "p1", "1"), "from cell 2 down to cell 1");
        assertEquals(0.0, value("cellgate_pair_balance_current_amperes", "p1", "2"));
        assertEquals(0.25, value("cellgate_pair_balance_current_amperes", "p1", "3"), "from cell 3 up to cell 4");
        assertEquals(1.0, value("cellgate_cell_indicator", "p1", "1", "ON"));
        assertEquals(0.0, value("cellgate_cell_indicator", "p1", "1", "OFF"));
        assertEquals(0.0, value("cellgate_cell_indicator", "p1", "1", "FLASHING"));
        assertEquals(1.0, value("cellgate_cell_indicator", "p1", "3", "FLASHING"));
        assertEquals(1.0, value("cellgate_cell_indicator", "p1", "4", "OFF"));
        assertEquals(1.0, value("cellgate_board_state", "p1", "ACTIVE"));
        assertEquals(0.0, value("cellgate_board_state", "p1", "FAULT"));
        assertEquals(77.0, value("cellgate_ticks_total", "p1"));
    }

    @Test
    void bleedCurrentsAndBothSpreadsAreTheViews() {
        PackView v = PackView.of(TestPacks.typical(TestPacks.state("p1", 4)));
        packs.add(TestPacks.pack("p1", 4, v, 1));
        for (int c = 0; c < 4; c++) {
            assertEquals(v.bleedAmps(c), value("cellgate_cell_bleed_current_amperes", "p1", String.valueOf(c + 1)));
        }
        assertEquals(0.2, value("cellgate_cell_bleed_current_amperes", "p1", "4"), 1e-12);
        assertEquals(v.spreadVolts(), value("cellgate_pack_spread_volts", "p1"));
        assertEquals(v.maxAdjacentDeltaVolts(), value("cellgate_pack_max_adjacent_delta_volts", "p1"));
        assertEquals(0.03, value("cellgate_pack_spread_volts", "p1"), 1e-12, "cell 4 minus cell 1, cell 3 open");
        assertEquals(0.01, value("cellgate_pack_max_adjacent_delta_volts", "p1"), 1e-12, "pair 1 alone is valid");
    }

    @Test
    void aPackThatHasNotTickedShowsItsTicksOnly() {
        packs.add(TestPacks.pack("p0", 4, null, 0));
        assertEquals(0.0, value("cellgate_ticks_total", "p0"));
        assertNull(value("cellgate_cell_voltage_volts", "p0", "1"));
    }

    @Test
    void everyPackHasItsOwnSeries() {
        packs.add(TestPacks.pack("b", 3, PackView.of(TestPacks.state("b", 3)), 5));
        packs.add(TestPacks.pack("a", 2, PackView.of(TestPacks.state("a", 2)), 9));
        assertEquals(9.0, value("cellgate_ticks_total", "a"));
        assertEquals(5.0, value("cellgate_ticks_total", "b"));
        assertEquals(3.72, value("cellgate_cell_voltage_volts", "b", "3"), 1e-12);
        assertNull(value("cellgate_cell_voltage_volts", "a", "3"));
    }
}
