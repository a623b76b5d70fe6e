package io.cellgate.shell;

import com.google.gson.JsonObject;
import io.cellgate.api.runtime.Pack;
import java.util.List;

/** The {@code --json} form of {@code cellgate:stats}; the packs' own JSON is {@link io.cellgate.json.PackJson}. */
final class StatsJson {

    private StatsJson() {
    }

    static JsonObject stats(List<Pack> packs) {
        GatewayStats g = GatewayStats.of(packs);
        JsonObject o = new JsonObject();
        o.addProperty("packs", g.packs());
        o.addProperty("packsNotOk", g.notOk());
        o.addProperty("ticks", g.ticks());
        o.addProperty("meanTickSeconds", g.meanTickMicros() / 1e6);
        o.addProperty("longestTickSeconds", g.longestTickMicros() / 1e6);
        o.addProperty("latestStartLateSeconds", g.latestStartLateMillis() / 1e3);
        return o;
    }
}
