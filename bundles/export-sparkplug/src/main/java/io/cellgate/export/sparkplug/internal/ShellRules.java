package io.cellgate.export.sparkplug.internal;

import io.cellgate.operate.PackOperations;
import java.io.IOException;
import java.util.Dictionary;

/** The {@link Operator} of a real gateway: the shell's own swap and set ({@link PackOperations}). */
final class ShellRules implements Operator {

    private final PackOperations operations;

    ShellRules(PackOperations operations) {
        this.operations = operations;
    }

    @Override
    public String swap(String pack, String model, String who) throws IOException {
        return operations.swap(pack, model, false, who).line();
    }

    @Override
    public String set(String pack, String property, String value, String who) throws IOException {
        return operations.set(pack, property, value, who).line();
    }

    @Override
    public String property(String pack, String property) {
        try {
            Dictionary<String, Object> p = operations.configuration(pack).getProperties();
            Object v = p == null ? null : p.get(property);
            return v == null ? "" : String.valueOf(v);
        } catch (IOException | IllegalArgumentException e) {
            return "";
        }
    }
}
