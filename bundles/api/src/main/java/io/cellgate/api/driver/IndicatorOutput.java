package io.cellgate.api.driver;

import io.cellgate.api.balancer.Decision;
import org.osgi.annotation.versioning.ConsumerType;

/** Per-cell indicator LEDs of one pack (service property {@code cellgate.pack}). */
@ConsumerType
public interface IndicatorOutput {

    /** Shows the decision's indicator of every cell. */
    void show(Decision decision) throws Exception;
}
