package io.cellgate.shell;

import com.google.gson.JsonObject;
import io.cellgate.api.insight.BalanceLedgers;
import io.cellgate.api.insight.LedgerSnapshot;
import io.cellgate.api.insight.PackInsight;
import io.cellgate.api.insight.PackInsights;
import io.cellgate.json.InsightJson;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** {@code cellgate:insight}: what the insight bundle works out of a pack. Formats; computes nothing. */
@Component(service = InsightCommands.class, property = {"osgi.command.scope=cellgate",
        "osgi.command.function=insight"})
public final class InsightCommands {

    static final String NOT_RUNNING = "cell insight is not running: the bundle io.cellgate.insight is not installed "
            + "or not started (lb insight)";

    /** Optional: the shell runs on without the insight bundle, and says so. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile BalanceLedgers ledgers;

    /** Optional: an insight bundle older than its estimates shows the ledger alone. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PackInsights insights;

    public InsightCommands() {
    }

    InsightCommands(BalanceLedgers ledgers) {
        this.ledgers = ledgers;
    }

    InsightCommands(BalanceLedgers ledgers, PackInsights insights) {
        this.ledgers = ledgers;
        this.insights = insights;
    }

    @Descriptor("a pack's insight: its alerts, findings (the weak cell, balancing that cannot help), per cell state "
            + "of charge, capacity, self-discharge and drift; then its balancing ledger: charge in and out of each "
            + "cell (mAh), active hours, per pair, the cell the balancer works hardest on, the pack current")
    public String insight(@Parameter(names = "--json", presentValue = "true", absentValue = "false")
            @Descriptor("machine-readable output, in coulombs and seconds") boolean json,
            @Parameter(names = "--reset", presentValue = "true", absentValue = "false")
            @Descriptor("start the pack's ledger again from zero") boolean reset,
            @Descriptor("pack id, e.g. pack1") String packId) {
        BalanceLedgers running = running();
        if (reset) {
            if (!running.reset(packId)) {
                throw unknown(running, packId);
            }
            return packId + ": balancing ledger reset: it counts from zero from now on\n";
        }
        LedgerSnapshot ledger = running.snapshot(packId).orElseThrow(() -> unknown(running, packId));
        Optional<PackInsight> insight = Optional.ofNullable(insights).flatMap(i -> i.insight(packId));
        if (json) {
            JsonObject o = InsightJson.ledger(ledger);
            insight.ifPresent(i -> o.add("insight", InsightJson.insight(i)));
            return Json.print(o);
        }
        return insight.map(InsightTables::insight).orElse("") + InsightTables.ledger(ledger);
    }

    @Descriptor("usage: cellgate:insight [--json] [--reset] PACK")
    public String insight() {
        BalanceLedgers running = running();
        throw new CommandError("which pack? usage: cellgate:insight [--json] [--reset] PACK; " + known(running));
    }

    private BalanceLedgers running() {
        BalanceLedgers now = ledgers;
        if (now == null) {
            throw new CommandError(NOT_RUNNING);
        }
        return now;
    }

    private static CommandError unknown(BalanceLedgers running, String packId) {
        return new CommandError("no ledger of pack '" + packId + "': it is unknown or has not run since the gateway "
                + "started; " + known(running));
    }

    private static String known(BalanceLedgers running) {
        List<LedgerSnapshot> all = running.snapshots();
        return "packs with a ledger: " + (all.isEmpty() ? "none"
                : all.stream().map(s -> s.pack().id()).collect(Collectors.joining(", ")));
    }
}
