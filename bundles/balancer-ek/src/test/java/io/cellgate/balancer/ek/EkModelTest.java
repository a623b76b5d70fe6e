package io.cellgate.balancer.ek;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.balancer.BalancerModel;
import io.cellgate.api.balancer.Decision;
import io.cellgate.api.balancer.ModelDescriptor;
import io.cellgate.api.balancer.Topology;
import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.pack.PackReading;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("\"Product Model EK-L20S1A\"; \"Adapt Battery Type NCM/LFP\"")
class EkModelTest {

    private final BalancerModel model = new EkModel();

    @Test
    void describesTheDatasheetBoard_datasheet_productModelAndBatteryTypes() {
        ModelDescriptor d = model.descriptor();
        assertEquals("EK-L20S1A", d.model());
        assertEquals("datasheet", d.variant());
        assertEquals("Enerkey", d.vendor());
        assertEquals(2, d.minCells());
        assertEquals(48, d.maxCells());
        assertEquals(Set.of(Chemistry.NCM, Chemistry.LFP), d.chemistries());
        assertEquals(Topology.ADJACENT, d.topology());
        assertEquals(1.0, d.maxAmps());
        assertEquals(0.1, d.parameter("trigger.volts"));
        assertEquals(EkProfile.DATASHEET.toParameters(), d.parameters());
    }

    @Test
    void createsAFreshBoardPerPack_decision_create() {
        PackDescription pack = new PackDescription("p1", 20, Chemistry.LFP);
        var first = model.create(pack);
        assertInstanceOf(EkBalancer.class, first);
        Decision d = new Decision(20);
        first.decide(PackReading.of(Bench.step(20, 4, 0.2)), d);
        assertTrue(d.isBalancing(4));
        Decision other = new Decision(20);
        model.create(pack).decide(PackReading.of(Bench.step(20, 4, 0.06)), other);
        assertEquals(0, other.balancingPairs(), "the second board does not share the first one's state");
    }

    @Test
    void reportsCascadeAndLowStringsInEveryDecisionForTheLog_datasheet_notRecommended() {
        Decision full = new Decision(20);
        model.create(new PackDescription("full", 20, Chemistry.NCM)).decide(PackReading.of(Bench.step(20, 4, 0.0)), full);
        assertTrue(full.faults().isEmpty());
        Decision big = new Decision(30);
        model.create(new PackDescription("big", 30, Chemistry.NCM)).decide(PackReading.of(Bench.step(30, 4, 0.0)), big);
        assertTrue(big.faults().stream().anyMatch(f -> f.startsWith("low strings")), big.faults().toString());
        assertTrue(big.faults().stream().anyMatch(f -> f.startsWith("cascade")), big.faults().toString());
    }
}
