package io.cellgate.export.sparkplug.internal;

import java.io.IOException;

/**
 * What a command may do to a pack, by the shell's rules ({@code io.cellgate.operate.PackOperations}); a refusal is an
 * {@link IllegalArgumentException} whose message says why.
 */
interface Operator {

    /** Swaps the pack's model; returns what was done, for the log. */
    String swap(String pack, String model, String who) throws IOException;

    /** Sets one pack property, checked against the pack's metatype; returns what was done. */
    String set(String pack, String property, String value, String who) throws IOException;

    /** The pack's configured value of {@code property}, or "" when it has none. */
    String property(String pack, String property);
}
