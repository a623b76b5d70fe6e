package io.cellgate.broker;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The name of the machine the gateway runs on, the default gateway id. */
public final class HostName {

    /** Linux's own name for the host: read without a DNS lookup, which can hang on a box without a network. */
    private static final Path KERNEL_HOSTNAME = Path.of("/proc/sys/kernel/hostname");

    private HostName() {
    }

    /** The host name, or "" when the machine does not say. */
    public static String local() {
        try {
            return Files.readString(KERNEL_HOSTNAME, StandardCharsets.US_ASCII).trim();
        } catch (IOException | SecurityException notLinux) {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (IOException unknown) {
                return "";
            }
        }
    }

    /**
     * A host name as an id: its short name (before the first dot), other characters than letters, digits, '-' and
     * '_' made '-', at most 64 characters; {@code fallback} for a machine without a name.
     */
    public static String asId(String hostName, String fallback) {
        String name = hostName == null ? "" : hostName.trim();
        int dot = name.indexOf('.');
        name = (dot >= 0 ? name.substring(0, dot) : name).replaceAll("[^A-Za-z0-9_-]", "-");
        name = name.length() > 64 ? name.substring(0, 64) : name;
        return name.isEmpty() ? fallback : name;
    }
}
