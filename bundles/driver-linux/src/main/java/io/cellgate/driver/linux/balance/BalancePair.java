package io.cellgate.driver.linux.balance;

import io.cellgate.api.balancer.PairDirection;
import io.cellgate.driver.linux.line.DigitalLine;
import io.cellgate.driver.linux.sysfs.Sysfs;
import java.io.IOException;

/**
 * The outputs of one adjacent pair: a switch line per direction and the PWM channel whose duty sets the current.
 * Break before make: a change of direction turns everything off first; on, the duty comes before the switch (and
 * every pair's duty before any switch: {@link #prepare}, then {@link #close}); off, the switches go before the PWM.
 */
final class BalancePair {

    private final DigitalLine up;
    private final DigitalLine down;
    private final PwmChannel pwm;
    /** The direction in force, or null when unknown after a failed write. */
    private PairDirection current = PairDirection.IDLE;
    /** The direction {@link #prepare} set up for {@link #close}. */
    private PairDirection pending = PairDirection.IDLE;

    /**
     * @param up   the line that moves energy from the lower cell to the upper one
     * @param down the line that moves it from the upper cell to the lower one
     */
    BalancePair(DigitalLine up, DigitalLine down, PwmChannel pwm) {
        this.up = up;
        this.down = down;
        this.pwm = pwm;
    }

    /**
     * The first half of a drive: opens what must open (break before make: a change of direction turns everything
     * off first) and sets the duty, closing no switch; an idle pair goes off.
     */
    void prepare(PairDirection direction, long dutyNanos) throws IOException {
        pending = dutyNanos == 0 ? PairDirection.IDLE : direction;
        if (pending == PairDirection.IDLE) {
            off();
            return;
        }
        if (pending != current) {
            off();
        }
        pwm.set(dutyNanos);
    }

    /** The second half: closes the switch of the direction prepared, once every pair's first half went through. */
    void close() throws IOException {
        if (pending == PairDirection.IDLE || pending == current) {
            return;
        }
        current = null;
        (pending == PairDirection.LOWER_TO_UPPER ? up : down).set(true);
        current = pending;
    }

    /** Opens both switches now, whatever was written: the emergency path (see {@link DigitalLine#forceOff}). */
    void forceSwitchesOff(Sysfs own) throws IOException {
        IOException first = null;
        try {
            up.forceOff(own);
        } catch (IOException e) {
            first = e;
        }
        try {
            down.forceOff(own);
        } catch (IOException e) {
            first = first == null ? e : first;
        }
        if (first != null) {
            throw first;
        }
    }

    PwmChannel pwm() {
        return pwm;
    }

    /** Forgets what was written to every output, after they were forced off behind this pair's back. */
    void forget() {
        current = null;
        up.forget();
        down.forget();
        pwm.forget();
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
