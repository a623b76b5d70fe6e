package io.cellgate.export.mqtt.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The name of the machine the gateway runs on, the default gateway id. */
final class HostName {

    /** Linux's own name for the host: read without a DNS lookup, which can hang on a box without a network. */
    private static final Path KERNEL_HOSTNAME = Path.of("/proc/sys/kernel/hostname");

    private HostName() {
    }

    /** The host name, or "" when the machine does not say. */
    static String local() {
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
}
