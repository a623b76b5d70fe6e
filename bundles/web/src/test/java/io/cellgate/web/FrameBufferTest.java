package io.cellgate.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellgate.api.pack.CellStatus;
import io.cellgate.api.telemetry.PackStateBuffer;
import io.cellgate.api.telemetry.PackView;
import io.cellgate.api.testing.DummyPack;
import io.cellgate.api.testing.DummyPackState;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FrameBufferTest {

    private final FrameBuffer buffer = new FrameBuffer(16); // small: every frame below makes it grow

    @Test
    void aStreamedEventIsTheApisJsonOnOneLine() {
        PackStateBuffer state = DummyPackState.of("p1", 6).setTick(9);
        state.reading().set(3, Double.NaN, CellStatus.OPEN_WIRE);
        PackView v = PackView.of(state);
        DummyPack pack = new DummyPack("p1", 6, v, 9);

        String frame = new String(buffer.frame("pack", w -> ApiServlet.writeDetail(w, pack, v)),
                StandardCharsets.UTF_8);

        assertEquals("event: pack\ndata: " + JsonHttp.GSON.toJson(ApiServlet.detail(pack, v)) + "\n\n", frame);
        String summary = new String(buffer.frame("pack", w -> ApiServlet.writeSummary(w, pack, v)),
                StandardCharsets.UTF_8);
        assertEquals("event: pack\ndata: " + JsonHttp.GSON.toJson(ApiServlet.summary(pack, v)) + "\n\n", summary,
                "a shorter frame after a longer one keeps nothing of it");
    }

    @Test
    void textIsEncodedAsUtf8AsTheJdkEncodesIt() {
        String text = "ΔV 7→8 · 🔋 ok \ud800 lone";
        byte[] frame = buffer.frame("removed", w -> w.value(text));
        assertArrayEquals(("event: removed\ndata: \"" + text + "\"\n\n").getBytes(StandardCharsets.UTF_8), frame);
    }
}
