package io.cellgate.driver.linux.balance;

import io.cellgate.api.balancer.PairDirection;
import io.cellgate.driver.linux.line.DigitalLine;
import java.io.IOException;

/**
 * The outputs of one adjacent pair: a switch line per direction and the PWM channel whose duty sets the current.
 * Break before make: a change of direction turns everything off first; on, the duty comes before the switch; off,
 * the switches go before the PWM.
 */
final class BalancePair {

    private final DigitalLine up;
    private final DigitalLine down;
    private final PwmChannel pwm;
    /** The direction in force, or null when unknown after a failed write. */
    private PairDirection current = PairDirection.IDLE;

    /**
     * @param up   the line that moves energy from the lower cell to the upper one
     * @param down the line that moves it from the upper cell to the lower one
     */
    BalancePair(DigitalLine up, DigitalLine down, PwmChannel pwm) {
        this.up = up;
        this.down = down;
        this.pwm = pwm;
    }

    void drive(PairDirection direction, long dutyNanos) throws IOException {
        if (direction == PairDirection.IDLE || dutyNanos == 0) {
            off();
            return;
        }
        if (direction != current) {
            off();
        }
        current = null;
        pwm.set(dutyNanos);
        (direction == PairDirection.LOWER_TO_UPPER ? up : down).set(true);
        current = direction;
    }

    /** Everything off; tries every output even when one fails, then reports the first failure. */
    void off() throws IOException {
        current = null;
        IOException first = null;
        try {
            up.set(false);
        } catch (IOException e) {
            first = e;
        }
        try {
            down.set(false);
        } catch (IOException e) {
            first = first == null ? e : first;
        }
        try {
            pwm.off();
        } catch (IOException e) {
            first = first == null ? e : first;
        }
        if (first != null) {
            throw first;
        }
        current = PairDirection.IDLE;
    }

    PairDirection current() {
        return current;
    }
}
