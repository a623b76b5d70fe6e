package io.cellgate.export.mqtt.internal;

import io.cellgate.api.balancer.ModelDescriptor;
import io.cellgate.api.balancer.PackFit;
import io.cellgate.api.telemetry.PackView;
import io.cellgate.operate.ModelRow;
import io.cellgate.operate.PackOperations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The model selects of a real gateway: the registered models that fit, and the shell's own swap. */
final class ShellModelSelect implements ModelSelect {

    private final PackOperations operations;
    private final String who;

    ShellModelSelect(PackOperations operations, String brokerUrl) {
        this.operations = operations;
        this.who = "Home Assistant (model select through " + brokerUrl + ")";
    }

    @Override
    public List<String> options(PackView pack) {
        List<String> options = new ArrayList<>();
        for (ModelRow r : operations.models()) {
            ModelDescriptor d = r.descriptor();
            if (d.fit(pack.pack()).verdict() == PackFit.Verdict.FITS || d.qualifiedName().equals(pack.model())) {
                options.add(d.qualifiedName());
            }
        }
        return options;
    }

    @Override
    public String swap(String pack, String model) {
        try {
            return operations.swap(pack, model, false, who).line();
        } catch (IOException e) {
            throw new UncheckedIOException("the configuration could not be written: " + e.getMessage(), e);
        }
    }
}
