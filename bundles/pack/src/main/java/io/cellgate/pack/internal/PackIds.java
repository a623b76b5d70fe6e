package io.cellgate.pack.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The pack ids in use, one controller each: two configurations with one id would be two controllers driving one
 * pack with two models. The first to claim an id keeps it until it lets go; a second is refused with both sources
 * named, so that the operator knows which file to change. When the holder lets go (its file removed, or its id
 * changed), the configurations refused for that id are delivered again, so that one of them runs without an edit.
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

    private final ConfigurationAdmin configAdmin;
    private final Logger log;
    private final Map<String, Claimant> holders = new HashMap<>();
    private final Map<String, Set<Claimant>> refused = new HashMap<>();

    @Activate
    public PackIds(@Reference ConfigurationAdmin configAdmin,
            @Reference(name = "log", service = LoggerFactory.class) Logger log) {
        this.configAdmin = configAdmin;
        this.log = log;
    }

    /** @throws IllegalArgumentException when another configuration holds {@code id}, naming both */
    synchronized void claim(String id, Claimant claimant) {
        Claimant holder = holders.putIfAbsent(id, claimant);
        if (holder != null && !holder.pid().equals(claimant.pid())) {
            refused.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(claimant);
            throw new IllegalArgumentException("pack.id=" + id + " of " + claimant.source() + " is taken by "
                    + holder.source() + ": give one of them another pack.id; this one runs nothing until then");
        }
        refused.values().forEach(waiting -> waiting.remove(claimant));
    }

    /** Lets go of {@code id} if {@code claimant} holds it, and has the configurations refused for it tried again. */
    void release(String id, Claimant claimant) {
        List<Claimant> retry;
        synchronized (this) {
            if (!holders.remove(id, claimant)) {
                return;
            }
            Set<Claimant> waiting = refused.remove(id);
            retry = waiting == null ? List.of() : new ArrayList<>(waiting);
        }
        for (Claimant c : retry) {
            redeliver(c);
        }
    }

    /**
     * The same properties once more through Config Admin (a new change count, which SCR needs to look again): SCR
     * activates the configuration it refused before.
     */
    private void redeliver(Claimant c) {
        try {
            Configuration[] found = configAdmin.listConfigurations("(" + Constants.SERVICE_PID + "=" + c.pid() + ")");
            if (found != null) {
                log.info("pack id free again: trying {} once more", c.source());
                found[0].update(found[0].getProperties());
            }
        } catch (IOException | InvalidSyntaxException | IllegalStateException e) {
            log.warn("pack id free again, but {} could not be tried again ({}): touch the file to retry", c.source(),
                    e.getMessage());
        }
    }
}
