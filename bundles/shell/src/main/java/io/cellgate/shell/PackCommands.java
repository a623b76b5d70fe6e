package io.cellgate.shell;

import com.google.gson.JsonElement;
import io.cellgate.api.runtime.Pack;
import io.cellgate.json.PackJson;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** The operator's view of the running packs, as Gogo commands {@code cellgate:*}. Formats; computes nothing. */
@Component(service = PackCommands.class, property = {"osgi.command.scope=cellgate", "osgi.command.function=packs",
        "osgi.command.function=cells", "osgi.command.function=stats", "osgi.command.function=history",
        "osgi.command.function=faults", "osgi.command.function=watch"})
public final class PackCommands {

    /** Ticks of history a pack keeps (five minutes at 100 ms). */
    static final int MAX_HISTORY = 3000;

    /** ANSI: cursor home, clear screen. */
    private static final String CLEAR = "\u001b[H\u001b[2J";

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<Pack> packs;

    public PackCommands() {
    }

    /** For tests: these packs. */
    PackCommands(List<Pack> packs) {
        this.packs = packs;
    }

    @Descriptor("list the packs: cells, model, board state, largest adjacent spread, balancing pairs, ticks")
    public String packs(@Parameter(names = "--json", presentValue = "true", absentValue = "false")
            @Descriptor("machine-readable output") boolean json) {
        return listing(json, PackJson::packs, PackTables::packs);
    }

    /** Every pack, sorted, as JSON for scripts or as a table for people. */
    private String listing(boolean json, Function<List<Pack>, ? extends JsonElement> asJson,
            Function<List<Pack>, String> asTable) {
        List<Pack> all = sorted();
        return json ? Json.print(asJson.apply(all)) : asTable.apply(all);
    }

    @Descriptor("usage: cellgate:cells [--json] PACK")
    public String cells(@Parameter(names = "--json", presentValue = "true", absentValue = "false")
            @Descriptor("machine-readable output") boolean json) {
        throw new CommandError("which pack? usage: cellgate:cells [--json] PACK, e.g. cellgate:cells "
                + sorted().stream().map(p -> p.description().id()).findFirst().orElse("pack1") + "; "
                + knownPacks(sorted()));
    }

    @Descriptor("show one pack: every cell's voltage, status and LED, every pair's difference, direction, current")
    public String cells(@Parameter(names = "--json", presentValue = "true", absentValue = "false")
            @Descriptor("machine-readable output") boolean json, @Descriptor("pack id, e.g. pack1") String packId) {
        Pack p = find(packId);
        return json ? Json.print(PackJson.cells(p)) : PackTables.cells(p);
    }

    @Descriptor("sum up the gateway: packs, ticks, mean and longest tick, the latest start against schedule")
    public String stats(@Parameter(names = "--json", presentValue = "true", absentValue = "false")
            @Descriptor("machine-readable output") boolean json) {
        return listing(json, StatsJson::stats, PackTables::stats);
    }

    @Descriptor("the last ticks of a pack: spread, balancing pairs, board state, health, model")
    public String history(@Parameter(names = "--json", presentValue = "true", absentValue = "false")
            @Descriptor("machine-readable output") boolean json, @Descriptor("pack id") String packId,
            @Descriptor("how many ticks, 1 to 3000 (default 20)") long n) {
        // long, not int: a number too big for an int is then refused here with the range, not by Gogo's coercion.
        if (n < 1 || n > MAX_HISTORY) {
            throw new CommandError("n=" + n + " is out of range: 1 to " + MAX_HISTORY + " ticks");
        }
        Pack p = find(packId);
        int ticks = (int) n;
        return json ? Json.print(PackJson.history(p.history(ticks))) : PackTables.history(p, p.history(ticks));
    }

    @Descriptor("the last 20 ticks of a pack")
    public String history(@Parameter(names = "--json", presentValue = "true", absentValue = "false")
            @Descriptor("machine-readable output") boolean json, @Descriptor("pack id") String packId) {
        return history(json, packId, 20);
    }

    @Descriptor("the faults of a pack that are present now, with the tick and the time each appeared: the "
            + "board's and the runtime's, then the alerts the cell insight raised")
    public String faults(@Parameter(names = "--json", presentValue = "true", absentValue = "false")
            @Descriptor("machine-readable output") boolean json, @Descriptor("pack id") String packId) {
        Pack p = find(packId);
        return json ? Json.print(PackJson.faults(p.faults())) : PackTables.faults(p);
    }

    @Descriptor("a live view of one pack, refreshed every second until interrupted (Ctrl-C)")
    public void watch(@Parameter(names = "--count", absentValue = "0")
            @Descriptor("stop after this many refreshes (0: until interrupted)") int count,
            @Descriptor("pack id") String packId) {
        if (count < 0) {
            throw new CommandError("--count " + count + " is out of range: 1 or more refreshes, or 0 to refresh "
                    + "until Ctrl-C");
        }
        find(packId);
        PrintStream out = System.out;
        for (int i = 0; count == 0 || i < count; i++) {
            out.print(CLEAR + PackTables.cells(find(packId)));
            out.flush();
            if (count != 0 && i == count - 1) {
                break;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    Pack find(String packId) {
        List<Pack> all = sorted();
        return all.stream().filter(p -> p.description().id().equals(packId)).findFirst()
                .orElseThrow(() -> new CommandError("unknown pack '" + packId + "'; " + knownPacks(all)));
    }

    private static String knownPacks(List<Pack> all) {
        return "known packs: " + (all.isEmpty() ? "none"
                : all.stream().map(p -> p.description().id()).collect(Collectors.joining(", ")));
    }

    private List<Pack> sorted() {
        List<Pack> list = packs;
        return list == null ? List.of()
                : list.stream().sorted(Comparator.comparing(p -> p.description().id())).collect(Collectors.toList());
    }
}
