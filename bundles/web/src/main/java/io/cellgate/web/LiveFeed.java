package io.cellgate.web;

import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.telemetry.PackListener;
import io.cellgate.api.telemetry.PackState;
import io.cellgate.api.telemetry.PackView;
import io.cellgate.api.telemetry.RateGate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The web console's listener on the telemetry whiteboard: after a tick it hands the pack's view to the open event
 * streams that want that pack, at most once per {@code events.interval.ms} per pack. On the tick thread it only
 * looks its pack's streams up by the pack's id, and when a stream wants the pack and it is due makes one
 * {@link PackView} and offers it to bounded queues, never waiting: formatting and writing happen on the streams' own
 * threads.
 *
 * <p>It references no {@code Pack}: a pack controller binds its listeners while it activates.
 */
@Component(configurationPid = "io.cellgate.web", service = {LiveFeed.class, PackListener.class})
@Designate(ocd = WebConfig.class)
public final class LiveFeed implements PackListener {

    /** The hour's ring: a sample every 5 s with every cell's voltage, 720 samples. */
    static final long HOUR_STEP_MILLIS = 5_000;
    static final int HOUR_SAMPLES = 720;
    /** The day's ring: a sample every minute, the spreads only, 1440 samples. */
    static final long DAY_STEP_MILLIS = 60_000;
    static final int DAY_SAMPLES = 1440;

    /** Every open stream. */
    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();
    /** The streams of one pack, by its id (an immutable list, replaced whole): a tick looks up its own pack's only. */
    private final Map<String, List<Subscription>> byPack = new ConcurrentHashMap<>();
    /** The streams of every pack (the overview's). */
    private final List<Subscription> everyPack = new CopyOnWriteArrayList<>();
    private final Map<String, SpreadHistory> hour = new ConcurrentHashMap<>();
    private final Map<String, SpreadHistory> day = new ConcurrentHashMap<>();
    private final RateGate hourGate = new RateGate(TimeUnit.MILLISECONDS.toNanos(HOUR_STEP_MILLIS));
    private final RateGate dayGate = new RateGate(TimeUnit.MILLISECONDS.toNanos(DAY_STEP_MILLIS));
    private volatile Settings settings;

    /**
     * What the configuration sets for the streams, bounded, in one place: the servlet reads the streams' limits here
     * too, so that only this component (and {@link ConsoleAccess}) takes the configuration, and a change of it reaches
     * them without deactivating anything: the servlet's registration and the open streams stay.
     */
    record Settings(RateGate gate, int queue, int maxStreams, long keepaliveMillis) {
        static Settings of(WebConfig config) {
            long interval = Math.max(100, Math.min(60_000, config.events_interval_ms()));
            return new Settings(new RateGate(TimeUnit.MILLISECONDS.toNanos(interval)),
                    Math.max(1, Math.min(1000, config.stream_queue())),
                    Math.max(1, Math.min(1000, config.max_streams())),
                    Math.max(1000, Math.min(60_000, config.keepalive_ms())));
        }
    }

    @Activate
    public LiveFeed(WebConfig config) {
        this.settings = Settings.of(config);
    }

    /** A new configuration: new streams and the next events follow it; open streams stay open. */
    @Modified
    void modified(WebConfig config) {
        this.settings = Settings.of(config);
    }

    Settings settings() {
        return settings;
    }

    /** A new stream of one pack's views ({@code pack} its id), or of every pack's ({@code pack} null). */
    Subscription subscribe(String pack) {
        Subscription s = new Subscription(pack, settings.queue());
        subscriptions.add(s);
        if (pack == null) {
            everyPack.add(s);
        } else {
            byPack.compute(pack, (id, list) -> {
                List<Subscription> more = list == null ? new ArrayList<>() : new ArrayList<>(list);
                more.add(s);
                return List.copyOf(more);
            });
        }
        return s;
    }

    void unsubscribe(Subscription s) {
        subscriptions.remove(s);
        if (s.pack() == null) {
            everyPack.remove(s);
        } else {
            byPack.computeIfPresent(s.pack(), (id, list) -> {
                List<Subscription> fewer = new ArrayList<>(list);
                fewer.remove(s);
                return fewer.isEmpty() ? null : List.copyOf(fewer);
            });
        }
        s.close();
    }

    int streams() {
        return subscriptions.size();
    }

    /** The pack's last hour, a sample every 5 s, or null before its first tick. */
    SpreadHistory hour(String pack) {
        return hour.get(pack);
    }

    /** The pack's last day, a sample a minute, spreads only, or null before its first tick. */
    SpreadHistory day(String pack) {
        return day.get(pack);
    }

    @Override
    public void onTick(PackState state) {
        record(state);
        if (subscriptions.isEmpty()) {
            return;
        }
        String id = state.pack().id();
        List<Subscription> mine = byPack.get(id);
        if (mine == null && everyPack.isEmpty() || !settings.gate().due(id, System.nanoTime())) {
            return;
        }
        offer(mine, new Subscription.Event(state.pack(), PackView.of(state)));
    }

    /** To the pack's streams ({@code mine}, or null for none) and every pack's. */
    private void offer(List<Subscription> mine, Subscription.Event e) {
        if (mine != null) {
            for (Subscription s : mine) {
                s.offer(e);
            }
        }
        for (Subscription s : everyPack) {
            s.offer(e);
        }
    }

    /** On the tick thread: a sample into each ring that is due; a ring is made at a pack's first tick only. */
    private void record(PackState state) {
        String id = state.pack().id();
        long now = System.nanoTime();
        if (hourGate.due(id, now)) {
            ring(hour, id, HOUR_SAMPLES, state.pack().cells(), HOUR_STEP_MILLIS).record(state.timeMillis(),
                    state.reading());
        }
        if (dayGate.due(id, now)) {
            ring(day, id, DAY_SAMPLES, 0, DAY_STEP_MILLIS).record(state.timeMillis(), state.reading());
        }
    }

    private static SpreadHistory ring(Map<String, SpreadHistory> rings, String id, int samples, int cells, long step) {
        SpreadHistory h = rings.get(id);
        if (h == null || h.cells() != cells) { // a pack reconfigured to another number of cells starts afresh
            h = new SpreadHistory(samples, cells, step);
            rings.put(id, h);
        }
        return h;
    }

    @Override
    public void onPackRemoved(PackDescription pack) {
        hour.remove(pack.id());
        day.remove(pack.id());
        offer(byPack.get(pack.id()), new Subscription.Event(pack, null));
    }

    /** Every stream ends: their threads return and the HTTP requests complete. */
    @Deactivate
    void deactivate() {
        for (Subscription s : subscriptions) {
            s.close();
        }
        subscriptions.clear();
        byPack.clear();
        everyPack.clear();
        hour.clear();
        day.clear();
    }
}
