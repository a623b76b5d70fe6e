package io.cellgate.engine;

import io.cellgate.api.balancer.Balancer;
import io.cellgate.api.balancer.BalancerModel;
import io.cellgate.api.balancer.BoardState;
import io.cellgate.api.balancer.Decision;
import io.cellgate.api.balancer.DecisionCheck;
import io.cellgate.api.balancer.ModelDescriptor;
import io.cellgate.api.balancer.PackFit;
import io.cellgate.api.driver.BalanceOutput;
import io.cellgate.api.driver.CellVoltageSource;
import io.cellgate.api.driver.IndicatorOutput;
import io.cellgate.api.pack.CellStatus;
import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.pack.PackHealth;
import io.cellgate.api.pack.PackReading;
import io.cellgate.api.runtime.Pack;
import io.cellgate.api.runtime.TickStats;
import io.cellgate.api.runtime.TickSummary;
import io.cellgate.api.telemetry.PackListener;
import io.cellgate.api.telemetry.PackState;
import io.cellgate.api.telemetry.PackStateBuffer;
import io.cellgate.api.telemetry.PackView;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Runs the ticks of one pack: read, validate, decide, check, drive the outputs, publish to the whiteboard. The one
 * decision path: the gateway's controllers run it on the tick clock, the scenario and replay runners run it headless
 * on simulated time, so a scenario refuses exactly what the gateway refuses.
 *
 * <p>Fail-safe by construction: when anything is missing or throws, the decision becomes the fail-safe one (no
 * pair balances, every indicator flashes), the outputs are driven with it, the fault is logged once, and the tick
 * still completes and is published. A tick allocates nothing while nothing changes.
 *
 * <p>A tick that does not complete is the watchdog's to notice ({@link #lastTickEndNanos}): {@link #markStalled}
 * publishes the pack as {@link PackHealth#STALLED} without waiting for the tick, and readers ({@link #latest},
 * {@link #history}, {@link #stats}, {@link #faults}) never take the tick's lock, so a stuck pack stays readable.
 *
 * <p>The balancer model is handed in on every tick; when it differs from the one of the previous tick the engine
 * creates a fresh balancer from it before deciding, so a swap takes effect in the very tick that sees it.
 */
public final class PackEngine implements Pack {

    private static final String NO_BALANCER = "no balancer: no model matches balancer.target";
    private static final String NO_SOURCE = "no voltage source matches source.target";
    private static final String READING_FAILED = "the voltage source failed: every cell is stale";
    private static final String BALANCER_FAILED = "the balancer failed: balancing is off";
    private static final String BALANCER_UNSAFE = "the balancer drove a pair beyond the model's limits or on an "
            + "invalid cell: balancing is off";
    private static final String OUTPUT_FAILED = "an output driver failed: balancing is off";

    private final PackDescription pack;
    private final LongSupplier clock;
    private final LongSupplier wallClock;
    private final PackEvents events;
    private final String readingSizeFault;
    /** The live state of the tick in progress, handed to the listeners; its reading and decision are the tick's. */
    private final PackStateBuffer state;
    private final PackReading reading;
    private final Decision decision;
    private final TickHistory history;
    private final FaultLog faults;
    private final LatestTick latest;
    private final Set<Object> failedListeners = Collections.synchronizedSet(
            Collections.newSetFromMap(new IdentityHashMap<>()));
    /** Held by a tick from start to end: one tick at a time, and a controller that stops can wait for the last. */
    private final ReentrantLock tickLock = new ReentrantLock();
    /** Guards the figures {@link #stats} reads: the tick updates them in one short block at its end. */
    private final Object statsLock = new Object();
    /** One listener call at a time: the tick's publication or the watchdog's stall notice. */
    private final Object publishLock = new Object();
    /** Orders a tick's completion against a stall notice, so a tick that completes is never marked stalled. */
    private final Object stallLock = new Object();

    private BalancerModel currentModel;
    private Balancer balancer;
    private String modelName;
    /** The last model that decided, kept across ticks without one, so that A -> none -> B counts as one swap. */
    private String lastModelName;
    private String unsupportedFault;
    private String readFault = READING_FAILED;
    private double maxAmps;

    private long tick;
    private long timeMillis;
    private PackHealth health = PackHealth.NO_SOURCE;
    private long durationNanos;
    private long latenessNanos;
    private long sumDurationNanos;
    private long maxDurationNanos;
    private long maxLatenessNanos;
    private long swaps;
    private long statTicks;
    private long statDurationNanos;
    private long statLatenessNanos;
    private long statSwaps;
    private volatile long periodNanos;
    private volatile long startupGraceNanos;
    private volatile long lastTickEndNanos;
    private volatile long completedTicks;
    /** The stall the watchdog reported and no tick has cleared yet, or null. */
    private volatile ActiveFault stall;
    /** When {@link #stall} was reported, on the tick clock: how long it lasted does not follow a wall clock set. */
    private long stallNanos;
    private long firstTickNanos;
    /** Once a source has been seen, losing it is a fault at once: the grace period is for start-up only. */
    private boolean sourceSeen;

    /**
     * @param clockNanos      the tick clock: schedules, durations and reading time stamps
     * @param wallClockMillis wall-clock time for people: when a tick read, when a fault appeared
     */
    public PackEngine(PackDescription pack, LongSupplier clockNanos, LongSupplier wallClockMillis, int historySize,
            PackEvents events) {
        this.pack = pack;
        this.clock = clockNanos;
        this.wallClock = wallClockMillis;
        this.events = events;
        this.state = new PackStateBuffer(pack);
        this.reading = state.reading();
        this.decision = state.decision();
        this.history = new TickHistory(historySize);
        this.faults = new FaultLog(pack.id(), events);
        this.latest = new LatestTick(pack);
        this.readingSizeFault = "the voltage source measures a different number of cells than the "
                + pack.cells() + " of " + pack.id();
    }

    /** Records the configured period so that {@link #stats()} can show it. */
    public void setPeriodNanos(long periodNanos) {
        this.periodNanos = periodNanos;
    }

    /**
     * How long after its first tick the pack may wait for its voltage source without a fault: drivers and
     * simulators start in no fixed order with the pack, so a source missing at start-up is {@link PackHealth#STARTING}
     * (outputs off) for this long, and {@link PackHealth#NO_SOURCE} after it. 0 (the default) waits for nothing.
     */
    public void setStartupGraceNanos(long graceNanos) {
        this.startupGraceNanos = graceNanos;
    }

    /**
     * Runs one tick with the services present now; any of them may be null.
     *
     * @param scheduledNanos when this tick was due on the clock, to measure lateness
     */
    public void tick(long scheduledNanos, CellVoltageSource source, BalancerModel model,
            BalanceOutput balance, IndicatorOutput indicators, List<PackListener> listeners) {
        tickLock.lock();
        try {
            long start = clock.getAsLong();
            latenessNanos = Math.max(0, start - scheduledNanos);
            timeMillis = wallClock.getAsLong();
            if (tick == 0) {
                firstTickNanos = start;
            }
            tick++;

            health = read(source, start);
            useModel(model);
            decision.reset();
            // Starting: nothing balances and nothing flashes; the outputs are turned off below as for any non-OK tick.
            String failure = health == PackHealth.OK ? decide() : health == PackHealth.STARTING ? null : messageOf(health);
            if (failure != null) {
                decision.failSafe(failure);
            }
            drive(balance, indicators);
            faults.update(decision.faults(), tick, timeMillis);

            long end = clock.getAsLong();
            durationNanos = end - start;
            state.setTick(tick).setTimeMillis(timeMillis).setHealth(health).setModel(modelName)
                    .setTickDurationNanos(durationNanos).setTickLatenessNanos(latenessNanos);
            synchronized (statsLock) {
                statTicks = tick;
                statDurationNanos = durationNanos;
                statLatenessNanos = latenessNanos;
                statSwaps = swaps;
                sumDurationNanos += durationNanos;
                maxDurationNanos = Math.max(maxDurationNanos, durationNanos);
                maxLatenessNanos = Math.max(maxLatenessNanos, latenessNanos);
            }
            history.record(tick, timeMillis, reading.spreadVolts(), reading.maxAdjacentSpreadVolts(),
                    decision.balancingPairs() + decision.bleedingCells(), decision.boardState(), health, modelName);
            ActiveFault cleared;
            long stalledSince;
            synchronized (stallLock) {
                latest.publish(state);
                cleared = stall;
                stalledSince = stallNanos;
                stall = null;
                lastTickEndNanos = end;
                completedTicks = tick;
            }
            if (cleared != null) {
                events.info(pack.id() + ": ticking again at tick " + tick + ", "
                        + TimeUnit.NANOSECONDS.toMillis(clock.getAsLong() - stalledSince) + " ms after it stalled");
            }
            synchronized (publishLock) {
                publish(listeners, state);
            }
        } finally {
            tickLock.unlock();
        }
    }

    /**
     * Waits, at most {@code timeoutNanos}, for a tick in progress to end: a controller that stopped its schedule
     * turns the outputs off after it, so that no late tick drives them again and its count is the last.
     *
     * @return false when a tick still runs (it hangs: the caller turns the outputs off regardless)
     */
    public boolean awaitTickEnd(long timeoutNanos) throws InterruptedException {
        if (!tickLock.tryLock(timeoutNanos, TimeUnit.NANOSECONDS)) {
            return false;
        }
        tickLock.unlock();
        return true;
    }

    /**
     * When the last tick completed on the tick clock, or 0 before the first: the watchdog's measure of progress.
     * Never waits for a tick in progress.
     */
    public long lastTickEndNanos() {
        return lastTickEndNanos;
    }

    /** Ticks completed so far; never waits for a tick in progress. */
    public long completedTicks() {
        return completedTicks;
    }

    /**
     * Publishes the pack as {@link PackHealth#STALLED}: the last completed tick's state with the fail-safe decision
     * and {@code reason} as its fault, to {@link #latest}, {@link #faults} and the listeners. Takes no lock a tick
     * holds, so the watchdog can call it while a tick hangs; the outputs are the caller's to turn off first. Does
     * nothing when a tick completed after {@code seenTicks} (the pack is not stalled after all) or the stall is
     * already published.
     *
     * @param seenTicks {@link #completedTicks()} when the watchdog saw the pack stalled
     * @return the published state, or null when nothing was published
     */
    public PackState markStalled(long seenTicks, String reason, List<PackListener> listeners) {
        PackState stalled;
        synchronized (stallLock) {
            if (completedTicks != seenTicks || stall != null) {
                return null;
            }
            stalled = latest.markStalled(reason);
            stall = new ActiveFault(reason, seenTicks, wallClock.getAsLong());
            stallNanos = clock.getAsLong();
        }
        events.warn(pack.id() + ": " + PackHealth.STALLED + ": " + reason);
        synchronized (publishLock) {
            publish(listeners, stalled);
        }
        return stalled;
    }

    private PackHealth read(CellVoltageSource source, long now) {
        reading.setTimeNanos(now);
        // A source without a current sensor never sets it, and a failed read must not show the last one.
        reading.setPackAmps(Double.NaN);
        if (source == null) {
            reading.markAll(CellStatus.STALE);
            boolean waiting = !sourceSeen && now - firstTickNanos < startupGraceNanos;
            return waiting ? PackHealth.STARTING : PackHealth.NO_SOURCE;
        }
        sourceSeen = true;
        try {
            if (source.cells() != pack.cells()) {
                reading.markAll(CellStatus.STALE);
                readFault = readingSizeFault;
                return PackHealth.READING_FAILED;
            }
            source.read(reading);
        } catch (Throwable e) {
            reading.markAll(CellStatus.STALE);
            readFault = READING_FAILED;
            logFirst(source, pack.id() + ": the voltage source threw", e);
            return PackHealth.READING_FAILED;
        }
        DecisionCheck.validate(reading);
        return PackHealth.OK;
    }

    private void useModel(BalancerModel model) {
        if (model == currentModel) {
            return;
        }
        String before = modelName;
        currentModel = model;
        balancer = null;
        modelName = null;
        unsupportedFault = null;
        List<String> fitWarnings = List.of();
        if (model != null) {
            try {
                ModelDescriptor d = model.descriptor();
                modelName = d.qualifiedName();
                PackFit fit = d.fit(pack);
                unsupportedFault = fit.supported() ? null : String.join("; ", fit.reasons());
                fitWarnings = fit.warnings();
                if (unsupportedFault == null) {
                    maxAmps = d.maxAmps();
                    balancer = model.create(pack);
                }
            } catch (Throwable e) {
                unsupportedFault = BALANCER_FAILED;
                events.error(pack.id() + ": model " + modelName + " could not create a balancer", e);
            }
        }
        if (modelName != null) {
            if (lastModelName != null && !lastModelName.equals(modelName)) {
                swaps++;
            }
            lastModelName = modelName;
        }
        state.setFitWarnings(fitWarnings);
        events.info(pack.id() + ": balancer " + (before == null ? "none" : before) + " -> "
                + (modelName == null ? "none" : modelName) + " at tick " + tick);
    }

    /** Lets the balancer decide; returns null on success, else the reason for the fail-safe decision. */
    private String decide() {
        if (balancer == null) {
            health = currentModel == null ? PackHealth.NO_BALANCER : PackHealth.BALANCER_FAILED;
            return currentModel == null ? NO_BALANCER : unsupportedFault;
        }
        try {
            balancer.decide(reading, decision);
        } catch (Throwable e) {
            health = PackHealth.BALANCER_FAILED;
            logFirst(balancer, pack.id() + ": balancer " + modelName + " threw", e);
            return BALANCER_FAILED;
        }
        // Defence in depth: no plugin may balance or bleed on an invalid cell, or beyond its declared current.
        if (!DecisionCheck.isSafe(reading, decision, maxAmps)) {
            health = PackHealth.BALANCER_FAILED;
            return BALANCER_UNSAFE;
        }
        if (decision.boardState() == BoardState.FAULT) {
            health = PackHealth.BOARD_FAULT;
        }
        return null;
    }

    private void drive(BalanceOutput balance, IndicatorOutput indicators) {
        try {
            if (balance != null) {
                if (health.decidedByBalancer()) {
                    balance.drive(decision);
                } else {
                    balance.allOff();
                }
            }
            if (indicators != null) {
                indicators.show(decision);
            }
        } catch (Throwable e) {
            logFirst(balance, pack.id() + ": an output driver threw", e);
            health = PackHealth.OUTPUT_FAILED;
            decision.failSafe(OUTPUT_FAILED);
            if (balance != null) {
                balance.allOff();
            }
            // The LEDs show what telemetry says: a failed balance write skipped them, a failed LED write may have
            // left some as they were.
            showFailSafe(indicators);
        }
    }

    private void showFailSafe(IndicatorOutput indicators) {
        if (indicators == null) {
            return;
        }
        try {
            indicators.show(decision);
        } catch (Throwable e) {
            logFirst(indicators, pack.id() + ": the indicator driver failed to show the fail-safe state", e);
        }
    }

    private void publish(List<PackListener> listeners, PackState state) {
        if (listeners == null) {
            return;
        }
        for (int i = 0; i < listeners.size(); i++) {
            PackListener l = listeners.get(i);
            try {
                l.onTick(state);
            } catch (Throwable e) {
                logFirst(l, pack.id() + ": telemetry listener " + l.getClass().getName() + " threw", e);
            }
        }
    }

    private String messageOf(PackHealth h) {
        return switch (h) {
            case NO_SOURCE -> NO_SOURCE;
            case READING_FAILED -> readFault;
            default -> BALANCER_FAILED;
        };
    }

    /** Logs the first failure of each plugin instance with its stack trace; later ones show as faults only. */
    private void logFirst(Object culprit, String message, Throwable e) {
        if (culprit == null || failedListeners.add(culprit)) {
            events.error(message, e);
        }
    }

    /**
     * The pack after the last tick, live: valid during a listener's call, and for tests and headless runners between
     * ticks on the thread that ticks. Other threads read {@link #latest}.
     */
    public PackState state() {
        return state;
    }

    // --- Pack: what tools read from other threads ---

    @Override
    public PackDescription description() {
        return pack;
    }

    /** Never takes the tick's lock: a tick that hangs in a driver leaves the last published state readable. */
    @Override
    public PackView latest() {
        return latest.view();
    }

    @Override
    public List<TickSummary> history(int n) {
        return history.last(n);
    }

    @Override
    public TickStats stats() {
        synchronized (statsLock) {
            return new TickStats(statTicks, periodNanos, statDurationNanos,
                    statTicks == 0 ? 0 : sumDurationNanos / statTicks, maxDurationNanos, statLatenessNanos,
                    maxLatenessNanos, statSwaps);
        }
    }

    /** The faults of the last completed tick, and the stall when the pack is stalled now. */
    @Override
    public List<ActiveFault> faults() {
        List<ActiveFault> now = faults.snapshot();
        ActiveFault stalled = stall;
        if (stalled == null) {
            return now;
        }
        List<ActiveFault> all = new java.util.ArrayList<>(now);
        all.add(stalled);
        return List.copyOf(all);
    }
}
