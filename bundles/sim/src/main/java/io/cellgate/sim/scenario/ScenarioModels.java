package io.cellgate.sim.scenario;

import io.cellgate.api.balancer.BalancerModel;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** Finds the model a scenario names among the models at hand (the registered services, in the gateway). */
public final class ScenarioModels {

    private ScenarioModels() {
    }

    /**
     * The model whose id and variant match; without a variant, the {@code datasheet} variant or else the only
     * variant there is.
     *
     * @throws IllegalArgumentException naming the models there are
     */
    public static BalancerModel choose(Collection<BalancerModel> models, Scenario s) {
        List<BalancerModel> sameModel = models.stream().filter(m -> m.descriptor().model().equals(s.model()))
                .collect(Collectors.toList());
        List<BalancerModel> matching = sameModel.stream()
                .filter(m -> s.variant() == null ? sameModel.size() == 1 || "datasheet".equals(m.descriptor().variant())
                        : s.variant().equals(m.descriptor().variant()))
                .collect(Collectors.toList());
        if (matching.isEmpty()) {
            throw new IllegalArgumentException("unknown model '" + s.balancer() + "'; known models: " + (models.isEmpty()
                    ? "none" : models.stream().map(m -> m.descriptor().qualifiedName()).sorted()
                            .collect(Collectors.joining(", "))));
        }
        return matching.get(0);
    }
}
