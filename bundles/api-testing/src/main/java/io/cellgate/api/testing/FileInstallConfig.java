package io.cellgate.api.testing;

import io.cellgate.api.config.RefusalGate;
import java.util.HashMap;
import java.util.Map;

/**
 * A factory configuration as Felix FileInstall delivers it from {@code /opt/cellgate/config/<factoryPid>-<name>.cfg}:
 * every value a string, the file's URL under {@link RefusalGate#FILE}, so that a {@link RefusalGate} test reads the
 * file name an operator would be told to fix.
 *
 * @since 3.2
 */
public final class FileInstallConfig {

    /** Where the gateway's FileInstall watches. */
    public static final String CONFIG_DIR = "/opt/cellgate/config/";

    private FileInstallConfig() {
    }

    /**
     * The properties of {@code <factoryPid>-<name>.cfg} holding {@code nameProperty=name} and {@code key=value}; a
     * fresh, mutable map on every call, as FileInstall hands a new one on every delivery.
     */
    public static Map<String, Object> delivered(String factoryPid, String nameProperty, String name, String key,
            String value) {
        Map<String, Object> p = new HashMap<>();
        p.put(nameProperty, name);
        p.put(key, value);
        p.put(RefusalGate.FILE, "file:" + path(factoryPid, name));
        return p;
    }

    /** The file's path, as a refusal names it after "fix". */
    public static String path(String factoryPid, String name) {
        return CONFIG_DIR + factoryPid + "-" + name + ".cfg";
    }
}
