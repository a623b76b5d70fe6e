package io.cellgate.insight;

import io.cellgate.api.insight.BalanceLedgers;
import io.cellgate.api.insight.LedgerSnapshot;
import io.cellgate.api.insight.PackInsight;
import io.cellgate.api.insight.PackInsights;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.telemetry.PackState;
import io.cellgate.api.telemetry.PackView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The ledgers of the running packs and their files, without a framework: a pack's ledger is opened from its file
 * when the pack starts running, fed by its ticks, saved on {@link #saveAll} and when the pack stops. A file that
 * cannot be used (another cell count, or no ledger) is kept aside under another name, never overwritten. Public for
 * headless users (benchmarks, tools); the bundle exports nothing of it.
 */
public final class Ledgers implements BalanceLedgers, PackInsights {

    private final Path directory;
    private final ZoneId zone;
    private final LongSupplier wallClockMillis;
    private final Consumer<String> info;
    private final Consumer<String> warn;
    private final Map<String, PackLedger> ledgers = new ConcurrentHashMap<>();
    /** Per open pack, how many of its runtimes run: two for a moment while one replaces the other. */
    private final Map<String, Integer> holders = new ConcurrentHashMap<>();
    /** Packs whose last save failed: a failure is told once, and its end too. */
    private final Map<String, Boolean> failing = new ConcurrentHashMap<>();
    /** Per pack id, its insight settings where it has a configuration of its own. */
    private final Map<String, PackSettings> settings = new ConcurrentHashMap<>();

    /**
     * @param directory       where the {@code <pack id>.ledger} files are
     * @param zone            the time zone of the ledgers' days
     * @param wallClockMillis when a new ledger begins and a reset happens
     */
    public Ledgers(Path directory, ZoneId zone, LongSupplier wallClockMillis, Consumer<String> info,
            Consumer<String> warn) {
        this.directory = directory;
        this.zone = zone;
        this.wallClockMillis = wallClockMillis;
        this.info = info;
        this.warn = warn;
    }

    /**
     * Starts keeping {@code pack}'s ledger, from its file when there is a usable one. A pack opened again while it is
     * open (its runtime restarted, the new one registered before the old one went) keeps the ledger it has; a pack
     * of the same id and another shape replaces it, saved first.
     */
    public synchronized void open(PackDescription pack) {
        PackLedger open = ledgers.get(pack.id());
        if (open != null && open.pack().equals(pack)) {
            holders.merge(pack.id(), 1, Integer::sum);
            return;
        }
        if (open != null) {
            save(open);
        }
        ledgers.put(pack.id(), load(pack));
        holders.put(pack.id(), 1);
    }

    private PackLedger load(PackDescription pack) {
        PackLedger ledger = new PackLedger(pack, zone, wallClockMillis.getAsLong(),
                settings.getOrDefault(pack.id(), PackSettings.DEFAULTS), warn, info);
        Path file = LedgerFile.of(directory, pack.id());
        try {
            LedgerSnapshot saved = LedgerFile.read(file);
            if (saved.pack().cells() == pack.cells()) {
                ledger.restore(saved);
                info.accept(pack.id() + ": balancing ledger continued from " + file);
            } else {
                Path aside = keepAside(file, saved.pack().cells() + "-cells");
                warn.accept(pack.id() + ": the balancing ledger in " + file + " counts " + saved.pack().cells()
                        + " cells and the pack now has " + pack.cells() + ": it is kept as " + aside
                        + " and the ledger starts from zero");
            }
        } catch (NoSuchFileException none) {
            info.accept(pack.id() + ": balancing ledger starts from zero, saved to " + file);
        } catch (IOException e) {
            String aside = keepAsideQuietly(file);
            warn.accept(pack.id() + ": the balancing ledger cannot be read (" + e.getMessage() + "): it is kept as "
                    + aside + " and the ledger starts from zero");
        }
        Path estimates = EstimatesFile.of(directory, pack.id());
        try {
            EstimatesFile.Saved saved = EstimatesFile.read(estimates);
            if (saved.pack().cells() == pack.cells()) {
                ledger.restoreEstimates(saved);
                info.accept(pack.id() + ": cell estimates continued from " + estimates);
            }
        } catch (NoSuchFileException none) {
            // no estimates yet: the rests to come measure them
        } catch (IOException e) {
            warn.accept(pack.id() + ": the cell estimates cannot be read (" + e.getMessage() + "): the next rests "
                    + "measure them again");
        }
        return ledger;
    }

    /**
     * {@code pack} stopped running: its ledger is saved, and no longer kept once no runtime of it runs. A pack
     * replaced by one of another shape was saved when it was replaced.
     */
    public synchronized void close(PackDescription pack) {
        PackLedger open = ledgers.get(pack.id());
        if (open == null || !open.pack().equals(pack)) {
            return;
        }
        save(open);
        if (holders.merge(pack.id(), -1, Integer::sum) <= 0) {
            holders.remove(pack.id());
            ledgers.remove(pack.id(), open);
        }
    }

    /** On the tick: counts the tick in its pack's ledger, if the pack is open; allocates nothing. */
    public void record(PackState state) {
        PackLedger ledger = ledgers.get(state.pack().id());
        if (ledger != null && ledger.pack().equals(state.pack())) {
            ledger.record(state);
        }
    }

    /**
     * Pack {@code packId}'s insight works with {@code packSettings} from now on; null: the defaults again. A pack not
     * running yet takes them when it opens.
     */
    synchronized void configure(String packId, PackSettings packSettings) {
        if (packSettings == null) {
            settings.remove(packId);
        } else {
            settings.put(packId, packSettings);
        }
        PackLedger open = ledgers.get(packId);
        if (open != null) {
            open.configure(packSettings == null ? PackSettings.DEFAULTS : packSettings);
        }
    }

    /**
     * Observes every open pack's latest view ({@code latest} gives it by pack id, null when the pack has none): rest
     * voltages, board samples, findings, alerts. On the insight's own thread, once a second.
     */
    public void observeAll(Function<String, PackView> latest) {
        long now = wallClockMillis.getAsLong();
        for (PackLedger ledger : ledgers.values()) {
            ledger.observe(latest.apply(ledger.pack().id()), now);
        }
    }

    @Override
    public List<PackInsight> insights() {
        long now = wallClockMillis.getAsLong();
        return ledgers.values().stream().map(l -> l.insight(now))
                .sorted(Comparator.comparing(i -> i.pack().id())).toList();
    }

    @Override
    public Optional<PackInsight> insight(String packId) {
        return Optional.ofNullable(ledgers.get(packId)).map(l -> l.insight(wallClockMillis.getAsLong()));
    }

    public void saveAll() {
        for (PackLedger ledger : ledgers.values()) {
            save(ledger);
        }
    }

    private void save(PackLedger ledger) {
        String id = ledger.pack().id();
        Path file = LedgerFile.of(directory, id);
        try {
            LedgerFile.write(ledger.snapshot(), file);
            EstimatesFile.write(ledger.savedEstimates(wallClockMillis.getAsLong()),
                    EstimatesFile.of(directory, id));
            if (failing.remove(id) != null) {
                info.accept(id + ": the balancing ledger is saved again to " + file);
            }
        } catch (IOException e) {
            if (failing.put(id, Boolean.TRUE) == null) {
                warn.accept(id + ": the balancing ledger cannot be saved to " + file + " (" + e.getMessage()
                        + "); it is kept in memory and saved again at the next interval");
            }
        }
    }

    private static Path keepAside(Path file, String why) throws IOException {
        Path aside = file.resolveSibling(file.getFileName() + "." + why);
        Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
        return aside;
    }

    private static String keepAsideQuietly(Path file) {
        try {
            return keepAside(file, "unreadable").toString();
        } catch (IOException e) {
            return file + " (it could not be moved: " + e.getMessage() + ")";
        }
    }

    @Override
    public List<LedgerSnapshot> snapshots() {
        return ledgers.values().stream().map(PackLedger::snapshot)
                .sorted(Comparator.comparing(s -> s.pack().id())).toList();
    }

    @Override
    public Optional<LedgerSnapshot> snapshot(String packId) {
        return Optional.ofNullable(ledgers.get(packId)).map(PackLedger::snapshot);
    }

    @Override
    public boolean reset(String packId) {
        PackLedger ledger = ledgers.get(packId);
        if (ledger == null) {
            return false;
        }
        ledger.reset(wallClockMillis.getAsLong());
        info.accept(packId + ": balancing ledger reset");
        return true;
    }
}
