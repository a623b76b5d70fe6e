package io.cellgate.api.driver;

import io.cellgate.api.balancer.Decision;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The balance switches and current setpoints of one pack (service property {@code cellgate.pack}).
 * Implementations also turn everything off when they are deactivated.
 */
@ConsumerType
public interface BalanceOutput {

    /** Drives every pair (direction and current setpoint) and every cell's bleed as the decision says. */
    void drive(Decision decision) throws Exception;

    /**
     * Turns every pair off. Must not throw; called on every fault and on shutdown, and by the gateway's watchdog
     * from another thread while a {@link #drive} is blocked: it must then not wait for that drive to return.
     */
    void allOff();
}
