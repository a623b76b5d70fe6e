package io.cellgate.web;

import io.cellgate.api.pack.PackDescription;
import io.cellgate.api.telemetry.PackListener;
import io.cellgate.api.telemetry.PackState;
import io.cellgate.api.telemetry.PackView;
import io.cellgate.api.telemetry.RateGate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The web console's listener on the telemetry whiteboard: after a tick it hands the pack's view to the open event
 * streams that want that pack, at most once per {@code events.interval.ms} per pack. On the tick thread it only
 * compares while nobody listens, and otherwise makes one {@link PackView} and offers it to bounded queues, never
 * waiting: formatting and writing happen on each stream's own thread.
 *
 * <p>It references no {@code Pack}: a pack controller binds its listeners while it activates.
 */
@Component(configurationPid = "io.cellgate.web", service = {LiveFeed.class, PackListener.class})
@Designate(ocd = WebConfig.class)
public final class LiveFeed implements PackListener {

    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final RateGate gate;
    private final int queue;

    @Activate
    public LiveFeed(WebConfig config) {
        long interval = Math.max(100, Math.min(60_000, config.events_interval_ms()));
        this.gate = new RateGate(TimeUnit.MILLISECONDS.toNanos(interval));
        this.queue = Math.max(1, Math.min(1000, config.stream_queue()));
    }

    /** A new stream of one pack's views ({@code pack} its id), or of every pack's ({@code pack} null). */
    Subscription subscribe(String pack) {
        Subscription s = new Subscription(pack, queue);
        subscriptions.add(s);
        return s;
    }

    void unsubscribe(Subscription s) {
        subscriptions.remove(s);
        s.close();
    }

    int streams() {
        return subscriptions.size();
    }

    @Override
    public void onTick(PackState state) {
        List<Subscription> subs = subscriptions;
        if (subs.isEmpty()) {
            return;
        }
        String id = state.pack().id();
        boolean wanted = false;
        for (Subscription s : subs) {
            wanted |= s.wants(id);
        }
        if (!wanted || !gate.due(id, System.nanoTime())) {
            return;
        }
        Subscription.Event e = new Subscription.Event(state.pack(), PackView.of(state));
        for (Subscription s : subs) {
            if (s.wants(id)) {
                s.offer(e);
            }
        }
    }

    @Override
    public void onPackRemoved(PackDescription pack) {
        Subscription.Event e = new Subscription.Event(pack, null);
        for (Subscription s : subscriptions) {
            if (s.wants(pack.id())) {
                s.offer(e);
            }
        }
    }

    /** Every stream ends: their threads return and the HTTP requests complete. */
    @Deactivate
    void deactivate() {
        for (Subscription s : subscriptions) {
            s.close();
        }
        subscriptions.clear();
    }
}
