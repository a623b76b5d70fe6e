package io.cellgate.broker;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.balancer.BoardState;
import io.cellgate.api.pack.PackHealth;
import io.cellgate.api.telemetry.PackStateBuffer;
import io.cellgate.api.testing.DummyPackState;
import org.junit.jupiter.api.Test;

class ChangeWatchTest {

    private final ChangeWatch watch = new ChangeWatch();
    private final PackStateBuffer p = DummyPackState.of("p", 4);

    @Test
    void aPacksFirstTickIsAChangeAndAQuietTickIsNot() {
        assertTrue(watch.changed(p));
        p.reading().set(0, 3.9, p.reading().status(0)); // measurements wait for the publish period
        assertFalse(watch.changed(p));
        assertTrue(watch.changed(DummyPackState.of("q", 4)), "each pack on its own");
    }

    @Test
    void aChangeOfBoardStateHealthOrFaultsIsSentAtOnce() {
        watch.changed(p);
        p.decision().setBoardState(BoardState.FAULT);
        assertTrue(watch.changed(p));
        assertFalse(watch.changed(p), "once");
        p.setHealth(PackHealth.NO_BALANCER);
        assertTrue(watch.changed(p));
        p.decision().addFault("cell 2: open wire");
        assertTrue(watch.changed(p));
        assertFalse(watch.changed(p));
    }

    @Test
    void aSwappedModelIsSentAtOnce() {
        p.setModel("EK-L20S1A/datasheet");
        watch.changed(p);
        assertFalse(watch.changed(p));
        p.setModel("EK-L20S1A/tight");
        assertTrue(watch.changed(p));
        assertFalse(watch.changed(p), "once");
    }

    @Test
    void aForgottenPackStartsAfresh() {
        watch.changed(p);
        watch.forget("p");
        assertTrue(watch.changed(p));
    }
}
