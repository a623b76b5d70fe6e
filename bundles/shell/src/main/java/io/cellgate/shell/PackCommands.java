package io.cellgate.shell;

import io.cellgate.api.runtime.Pack;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** The operator's view of the running packs, as Gogo commands {@code cellgate:*}. Formats; computes nothing. */
@Component(service = PackCommands.class, property = {"osgi.command.scope=cellgate", "osgi.command.function=packs",
        "osgi.command.function=cells", "osgi.command.function=stats"})
public final class PackCommands {

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<Pack> packs;

    @Descriptor("list the packs: cells, model, board state, largest adjacent spread, balancing pairs, ticks")
    public String packs() {
        return PackTables.packs(sorted());
    }

    @Descriptor("sum up the gateway: packs, ticks, mean and longest tick, the latest start against schedule")
    public String stats() {
        return PackTables.stats(sorted());
    }

    @Descriptor("show one pack: every cell's voltage, status and LED, every pair's difference, direction, current")
    public String cells(@Descriptor("pack id, e.g. pack1") String packId) {
        return PackTables.cells(find(packId));
    }

    Pack find(String packId) {
        List<Pack> all = sorted();
        return all.stream().filter(p -> p.description().id().equals(packId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown pack '" + packId + "'; known packs: "
                        + (all.isEmpty() ? "none" : all.stream().map(p -> p.description().id())
                                .collect(Collectors.joining(", ")))));
    }

    private List<Pack> sorted() {
        List<Pack> list = packs;
        return list == null ? List.of()
                : list.stream().sorted(Comparator.comparing(p -> p.description().id())).collect(Collectors.toList());
    }
}
