package io.cellgate.pack.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;

/**
 * The pack ids in use, one controller each: two configurations with one id would be two controllers driving one
 * pack with two models. The first to claim an id keeps it until it lets go; a second is refused with both sources
 * named, so that the operator knows which file to change, and is told when the id is free (its file removed, or its
 * id changed), so that it runs then without an edit.
 */
@Component(service = PackIds.class)
public final class PackIds {

    /** Who claims an id: the configuration's PID (the same configuration may claim again) and where it comes from. */
    record Claimant(String pid, String source) {
    }

    /** Where a configuration comes from: its file in config/, or Config Admin itself. */
    static Claimant claimant(Map<String, Object> properties) {
        Object pid = properties.get(Constants.SERVICE_PID);
        Object file = properties.get("felix.fileinstall.filename");
        String source = file != null ? file.toString().substring(file.toString().lastIndexOf('/') + 1)
                : "configuration " + pid + " (made in Config Admin)";
        return new Claimant(String.valueOf(pid), source);
    }

    private final Executor tell;
    private final Map<String, Claimant> holders = new HashMap<>();
    /** Per id, the claimants refused for it and what to run when it is free. */
    private final Map<String, Map<Claimant, Runnable>> waiting = new HashMap<>();

    /** Tells the waiting on a thread of their own: the releasing controller holds its own lock. */
    public PackIds() {
        this(r -> {
            Thread t = new Thread(r, "cellgate-pack-id-free");
            t.setDaemon(true);
            t.start();
        });
    }

    PackIds(Executor tell) {
        this.tell = tell;
    }

    /**
     * Claims {@code id} for {@code claimant}; when another holds it, {@code whenFree} runs once it lets go.
     *
     * @throws IllegalArgumentException when another configuration holds {@code id}, naming both
     */
    synchronized void claim(String id, Claimant claimant, Runnable whenFree) {
        forgetWaiting(claimant);
        Claimant holder = holders.putIfAbsent(id, claimant);
        if (holder != null && !holder.pid().equals(claimant.pid())) {
            waiting.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(claimant, whenFree);
            throw new IllegalArgumentException("pack.id=" + id + " of " + claimant.source() + " is taken by "
                    + holder.source() + ": give one of them another pack.id; this one waits, running nothing, "
                    + "until the id is free");
        }
    }

    /** Lets go of {@code id} if {@code claimant} holds it, and tells those refused for it. */
    void release(String id, Claimant claimant) {
        List<Runnable> free;
        synchronized (this) {
            if (!holders.remove(id, claimant)) {
                return;
            }
            Map<Claimant, Runnable> refused = waiting.remove(id);
            free = refused == null ? List.of() : new ArrayList<>(refused.values());
        }
        free.forEach(tell::execute);
    }

    /** The claimant is gone: it waits for nothing any more. */
    synchronized void forget(Claimant claimant) {
        forgetWaiting(claimant);
    }

    private void forgetWaiting(Claimant claimant) {
        waiting.values().forEach(w -> w.remove(claimant));
    }
}
