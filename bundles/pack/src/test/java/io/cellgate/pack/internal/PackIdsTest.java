package io.cellgate.pack.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PackIdsTest {

    /** Who was told that an id is free, in order. */
    private final List<String> told = new ArrayList<>();
    private final PackIds ids = new PackIds(Runnable::run);
    private final PackIds.Claimant first = PackIds.claimant(Map.of("service.pid", "io.cellgate.pack~a",
            "felix.fileinstall.filename", "file:/gw/config/io.cellgate.pack-pack2.cfg"));
    private final PackIds.Claimant second = PackIds.claimant(Map.of("service.pid", "io.cellgate.pack~b",
            "felix.fileinstall.filename", "file:/gw/config/io.cellgate.pack-copy.cfg"));

    private Runnable tell(String who) {
        return () -> told.add(who);
    }

    @Test
    void aSecondConfigurationOfATakenIdIsRefusedNamingBothFiles() {
        ids.claim("pack2", first, tell("first"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ids.claim("pack2", second, tell("second")));
        assertEquals("pack.id=pack2 of io.cellgate.pack-copy.cfg is taken by io.cellgate.pack-pack2.cfg: give one "
                + "of them another pack.id; this one waits, running nothing, until the id is free", e.getMessage());
    }

    @Test
    void theHolderMayClaimItsIdAgainAndAnotherIdIsFree() {
        ids.claim("pack2", first, tell("first"));
        ids.claim("pack2", first, tell("first"));
        ids.claim("pack3", second, tell("second"));
        assertEquals(List.of(), told);
    }

    @Test
    void theRefusedIsToldWhenTheIdIsFreeAndOnlyItsHolderFreesIt() {
        ids.claim("pack2", first, tell("first"));
        assertThrows(IllegalArgumentException.class, () -> ids.claim("pack2", second, tell("second")));
        ids.release("pack2", second); // not the holder: nothing changes
        assertEquals(List.of(), told);
        ids.release("pack2", first);
        assertEquals(List.of("second"), told);
        ids.claim("pack2", second, tell("second"));
        ids.release("pack2", first); // let go already: nobody is told twice
        assertEquals(List.of("second"), told);
    }

    @Test
    void aClaimantThatIsGoneIsNotTold() {
        ids.claim("pack2", first, tell("first"));
        assertThrows(IllegalArgumentException.class, () -> ids.claim("pack2", second, tell("second")));
        ids.forget(second);
        ids.release("pack2", first);
        assertEquals(List.of(), told);
    }

    @Test
    void aConfigurationMadeInConfigAdminIsNamedByItsPid() {
        PackIds.Claimant c = PackIds.claimant(Map.of("service.pid", "io.cellgate.pack~x"));
        assertEquals("configuration io.cellgate.pack~x (made in Config Admin)", c.source());
    }
}
