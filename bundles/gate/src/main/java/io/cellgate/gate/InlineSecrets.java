package io.cellgate.gate;

import io.cellgate.api.config.RefusalGate;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.osgi.service.cm.Configuration;

/**
 * Secrets written inline in a configuration file ({@code .password=…}) are refused: Config Admin would keep them in
 * its store under {@code data/} and {@code scr:info} would list them. Each has a file property instead
 * ({@code password.file}, a file only the gateway's user can read), read at activation. The gate takes the inline
 * secret out of what SCR gets, and out of Config Admin's store (the stored configuration is updated without it and
 * marked, so that it stays refused); the configuration file is the operator's and is left alone.
 */
public final class InlineSecrets {

    /** Marks a configuration whose inline secrets were taken out: their keys, comma-separated. */
    public static final String REMOVED = "cellgate.secrets.removed";

    /** Inline key to the file property that replaces it, e.g. {@code .password} to {@code password.file}. */
    private final Map<String, String> fileKeys;

    public InlineSecrets(Map<String, String> fileKeys) {
        this.fileKeys = new TreeMap<>(fileKeys);
    }

    boolean isEmpty() {
        return fileKeys.isEmpty();
    }

    /** Takes every non-empty inline secret out of {@code properties} and marks which; true when there was one. */
    boolean strip(Dictionary<String, Object> properties) {
        List<String> removed = new ArrayList<>();
        for (String key : fileKeys.keySet()) {
            Object value = properties.get(key);
            if (value != null) {
                properties.remove(key);
                if (!String.valueOf(value).isEmpty()) {
                    removed.add(key);
                }
            }
        }
        if (!removed.isEmpty()) {
            properties.put(REMOVED, String.join(",", removed));
        }
        return !removed.isEmpty();
    }

    /** {@code check}, refusing first a configuration whose inline secrets were taken out, saying what to do. */
    RefusalGate.Check guard(RefusalGate.Check check) {
        return properties -> {
            Object removed = properties.get(REMOVED);
            if (removed != null) {
                throw new IllegalArgumentException(refusal(List.of(String.valueOf(removed).split(","))));
            }
            check.check(properties);
        };
    }

    String refusal(List<String> keys) {
        String inline = String.join(" and ", keys);
        String files = keys.stream().map(fileKeys::get).collect(Collectors.joining(" and "));
        return inline + " inline is refused, and taken out of Config Admin's store under data/: write the secret "
                + "into a file only the gateway's user can read (chmod 600), name it in " + files + ", and remove "
                + inline + " from the configuration file";
    }

    /** Updates a stored configuration that holds an inline secret without it; false when it holds none. */
    boolean scrub(Configuration stored) throws IOException {
        Dictionary<String, Object> properties = stored.getProperties();
        if (properties == null || Collections.list(properties.keys()).stream().noneMatch(fileKeys::containsKey)) {
            return false;
        }
        strip(properties);
        stored.update(properties);
        return true;
    }
}
