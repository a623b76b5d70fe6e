package io.cellgate.api.config;

import java.util.Arrays;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Refuses a bad configuration before its component sees it, the one way every Cellgate bundle does: a bundle's
 * Configuration Admin plugin hands each configuration it delivers to {@link #process}, which checks it.
 *
 * <ul>
 * <li>A good configuration passes unchanged and becomes the one its component runs on.</li>
 * <li>A bad one is logged once, naming what it configures, the file it came from and the check's message (the
 * property, the value and the allowed range), and again only when the configuration changes: SCR asks again on
 * every listing or scrape, and an operator needs the reason once, not a line per scrape.</li>
 * <li>If the component already runs on an earlier good configuration, it keeps running on it: the plugin hands
 * over that configuration again, with {@value #REFUSED} saying what was refused. Otherwise the component's
 * satisfying condition (DS 1.5) is pointed at a condition nobody registers: it stays unsatisfied, so it is never
 * activated, registers no service and logs no exception, and {@value #REFUSED} tells {@code scr:info} why.</li>
 * </ul>
 */
public final class RefusalGate {

    /** The DS 1.5 property that chooses a component's satisfying condition. */
    public static final String CONDITION_TARGET = "osgi.ds.satisfying.condition.target";
    /** A condition no one registers: a component pointed at it waits, unsatisfied, for a good configuration. */
    public static final String REFUSED_CONDITION = "(osgi.condition.id=cellgate.configuration.refused)";
    /** The property that carries the refusal to the component's properties (SCR's DTOs, {@code scr:info}). */
    public static final String REFUSED = "cellgate.refused";
    /** FileInstall marks the configurations it made with the URL of their file. */
    public static final String FILE = "felix.fileinstall.filename";
    private static final String PID = "service.pid";

    /** Checks a configuration's properties. */
    @FunctionalInterface
    public interface Check {
        /** @throws IllegalArgumentException with a message naming the property, its value and the allowed range */
        void check(Map<String, Object> properties);
    }

    private final String what;
    private final String idProperty;
    private final Check check;
    private final Consumer<String> log;
    /** Per configuration PID: the last good properties, handed over again while the configuration is bad. */
    private final Map<String, Map<String, Object>> accepted = new ConcurrentHashMap<>();
    /** Per configuration PID: the properties last refused, so a refusal is logged once per change. */
    private final Map<String, Map<String, Object>> refused = new ConcurrentHashMap<>();

    /**
     * @param what what a configuration configures, as the log names it ("pack")
     * @param idProperty the property that names it ("pack.id"); its PID names it when this is missing
     * @param log where a refusal goes, at error level
     */
    public RefusalGate(String what, String idProperty, Check check, Consumer<String> log) {
        this.what = what;
        this.idProperty = idProperty;
        this.check = check;
        this.log = log;
    }

    /**
     * Checks the properties of configuration {@code pid} and changes them in place into what the component gets.
     *
     * @return the refusal's message, or null for a good configuration
     */
    public String process(String pid, Map<String, Object> properties) {
        Map<String, Object> given = new HashMap<>(properties);
        given.remove(REFUSED);
        given.remove(CONDITION_TARGET);
        String problem;
        try {
            check.check(given);
            accepted.put(pid, given);
            refused.remove(pid);
            return null;
        } catch (IllegalArgumentException e) {
            problem = e.getMessage();
        }
        Map<String, Object> running = accepted.get(pid);
        String message = what + " " + Objects.toString(given.get(idProperty), pid) + ": configuration refused"
                + (running == null ? "" : ", keeping the running one") + ": " + problem + fileOf(given);
        if (!fingerprint(given).equals(refused.put(pid, fingerprint(given)))) {
            log.accept(message);
        }
        if (running != null) {
            properties.clear();
            properties.putAll(running);
        } else {
            properties.put(CONDITION_TARGET, REFUSED_CONDITION);
        }
        properties.put(REFUSED, message);
        return message;
    }

    /**
     * {@link #process(String, Map)} for a Configuration Admin plugin, which gets the properties as a dictionary
     * with the configuration's {@code service.pid}.
     */
    public String process(Dictionary<String, Object> properties) {
        Map<String, Object> map = new HashMap<>();
        for (String key : Collections.list(properties.keys())) {
            map.put(key, properties.get(key));
        }
        String refusal = process(Objects.toString(map.get(PID)), map);
        if (refusal != null) {
            for (String key : Collections.list(properties.keys())) {
                if (!map.containsKey(key)) {
                    properties.remove(key);
                }
            }
            map.forEach(properties::put);
        }
        return refusal;
    }

    /** Forgets a deleted configuration: one made again with its PID starts afresh. */
    public void forget(String pid) {
        accepted.remove(pid);
        refused.remove(pid);
    }

    /** The properties compared by value, arrays too (Config Admin hands each consumer its own copies). */
    private static Map<String, Object> fingerprint(Map<String, Object> properties) {
        Map<String, Object> f = new TreeMap<>();
        properties.forEach((k, v) -> f.put(k, v != null && v.getClass().isArray()
                ? Arrays.deepToString(new Object[] {v}) : v));
        return f;
    }

    private static String fileOf(Map<String, Object> properties) {
        Object file = properties.get(FILE);
        if (file == null) {
            return " (made in Config Admin, not from a file)";
        }
        String name = file.toString();
        return " (fix " + (name.startsWith("file:") ? java.nio.file.Path.of(java.net.URI.create(name)) : name) + ")";
    }
}
