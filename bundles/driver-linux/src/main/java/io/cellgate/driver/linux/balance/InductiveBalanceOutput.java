package io.cellgate.driver.linux.balance;

import io.cellgate.api.balancer.Decision;
import io.cellgate.api.driver.BalanceOutput;
import io.cellgate.driver.linux.config.ConfigValues;
import io.cellgate.driver.linux.gpio.ChardevGpio;
import io.cellgate.driver.linux.gpio.GpioDriver;
import io.cellgate.driver.linux.line.LineSpec;
import io.cellgate.driver.linux.line.OutputLines;
import io.cellgate.driver.linux.sysfs.Sysfs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The balance outputs of a driven inductive board, one factory configuration {@value #PID} per pack: per pair two
 * direction switch lines and a PWM channel whose duty sets the current (see {@link DutyCalibration}).
 *
 * <p>Everything goes off on {@link #allOff()} (the pack runtime calls it on a stale reading and on every fault; a
 * watchdog may call it from its own thread while a drive is blocked), when a write fails (every pair, at once), on
 * deactivation and so on bundle stop. A pair the decision leaves idle is off.
 */
@Component(configurationPid = InductiveBalanceOutput.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true, service = BalanceOutput.class)
@Designate(ocd = BalanceConfig.class, factory = true)
public final class InductiveBalanceOutput implements BalanceOutput {

    public static final String PID = "io.cellgate.driver.linux.balance";

    /** How long deactivation waits for a drive in another thread before it forces everything off without it. */
    static final long DEACTIVATE_WAIT_SECONDS = 2;

    static final String NO_BLEED = "this board moves charge between adjacent cells and has no bleed resistors: "
            + "choose an adjacent (active) balancer model for this pack, not a passive one";

    private final Logger log;
    private final String packId;
    private final DutyCalibration calibration;
    private final BalancePair[] pairs;
    private final OutputLines lines;
    private final Sysfs sysfs = new Sysfs();
    private volatile boolean closed;
    /** Held by drive() and allOff(); allOff() from another thread never waits for it (see forceOff()). */
    private final ReentrantLock lock = new ReentrantLock();
    /** How often allOff() wrote everything off without the lock; a drive that sees it change stops. */
    private final AtomicLong forcedOffs = new AtomicLong();
    /** The count of forced offs the records were last reset for; written under the lock. */
    private volatile long forcedOffsSeen;
    private boolean offFailing;

    @Activate
    public InductiveBalanceOutput(BalanceConfig config,
            @Reference(name = "log", service = LoggerFactory.class) Logger log) {
        this(config, log, new ChardevGpio());
    }

    /** With the GPIO driver given, for tests. */
    InductiveBalanceOutput(BalanceConfig config, Logger log, GpioDriver gpio) {
        this.log = log;
        OutputLines opened = null;
        try {
            packId = ConfigValues.packId(config.cellgate_pack());
            int pairCount = ConfigValues.cells(config.cells()) - 1;
            calibration = new DutyCalibration(config.pwm_period_ns(), config.duty_offset_percent(),
                    config.duty_gain_percent_per_amp(), config.duty_max_percent());
            List<String> switches = ConfigValues.list("switch.lines", config.switch_lines(), 2 * pairCount,
                    "two per pair (up, then down), " + pairCount + " pairs");
            List<String> pwms = ConfigValues.list("pwm.channels", config.pwm_channels(), pairCount, "one per pair");
            Path root = ConfigValues.directory("sysfs.root", config.sysfs_root());
            Path devRoot = ConfigValues.directory("dev.root", config.dev_root());
            opened = OutputLines.open(switches.stream().map(LineSpec::parse).toList(), root, devRoot, () -> gpio,
                    "cellgate-" + packId, sysfs);
            lines = opened;
            pairs = new BalancePair[pairCount];
            for (int k = 0; k < pairCount; k++) {
                PwmChannel pwm = PwmChannel.open(root, pwms.get(k), calibration.periodNanos(), sysfs);
                pairs[k] = new BalancePair(lines.get(2 * k), lines.get(2 * k + 1), pwm);
            }
        } catch (IllegalArgumentException e) {
            if (opened != null) {
                opened.close();
            }
            log.error("balance outputs of pack {}: configuration refused: {}", config.cellgate_pack(), e.getMessage());
            throw e;
        }
        log.info("{}: balance outputs for {} pairs, PWM period {} ns, duty {} % + {} %/A up to {} %", packId,
                pairs.length, calibration.periodNanos(), calibration.offsetPercent(),
                calibration.gainPercentPerAmp(), calibration.maxPercent());
    }

    @Override
    public void drive(Decision decision) throws IOException {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            if (decision.pairs() != pairs.length) {
                throw new IllegalArgumentException("a decision for " + decision.pairs() + " pairs, this board drives "
                        + pairs.length);
            }
            if (decision.bleedingCells() > 0) {
                // Nothing may look as if it bled: the runtime turns everything off and shows this as the fault.
                throw new IllegalArgumentException(NO_BLEED);
            }
            forgetIfForcedOff();
            IOException failed = null;
            // Every pair's duty first, then the switches: a write that fails (or a forced off meanwhile) leaves
            // no switch closed by this tick, so a persistent failure never pulses a pair on and off.
            for (int k = 0; k < pairs.length && failed == null && !cancelled(); k++) {
                try {
                    pairs[k].prepare(decision.direction(k), calibration.dutyNanos(decision.amps(k)));
                } catch (IOException e) {
                    failed = e;
                }
            }
            for (int k = 0; k < pairs.length && failed == null && !cancelled(); k++) {
                try {
                    pairs[k].close();
                } catch (IOException e) {
                    failed = e;
                }
            }
            if (failed != null) {
                // Fail-safe on the hardware at once, not only when the runtime calls allOff(): every pair it can
                // still reach goes off, past further errors.
                offLocked();
                throw failed;
            }
            if (cancelled()) {
                // Forced off while this drive was blocked: its decision is stale, and nothing stays on by it.
                forgetIfForcedOff();
                offLocked();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Turns every pair off and never waits for a {@link #drive} in another thread: when that holds the lock (a
     * write blocked in the kernel, say), every switch, enable and duty is written off without it, on this thread,
     * and the drive stops before it closes another switch.
     */
    @Override
    public void allOff() {
        if (lock.tryLock()) {
            try {
                if (!closed) {
                    offLocked();
                }
            } finally {
                lock.unlock();
            }
        } else if (!closed) {
            forceOff();
        }
    }

    /** Everything off through the pairs' records (what is off already is not written again); under the lock. */
    private void offLocked() {
        IOException first = null;
        for (BalancePair p : pairs) {
            try {
                p.off();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        // Logged when it starts and stops failing: the runtime calls this every tick while the pack is unhealthy.
        if (first != null && !offFailing) {
            log.error("{}: balance outputs could not all be turned off: {}", packId, first.getMessage());
        } else if (first == null && offFailing) {
            log.info("{}: balance outputs are all off again", packId);
        }
        offFailing = first != null;
    }

    /**
     * Writes every switch, then every enable, then every duty off without the lock and whatever the records say,
     * continuing past errors: the order stops the current soonest, and a write that blocks holds up only those
     * after it.
     */
    private void forceOff() {
        boolean firstOfStall = forcedOffs.incrementAndGet() == forcedOffsSeen + 1; // log once, not at every call
        Sysfs own = new Sysfs(); // the component's buffers belong to the thread holding the lock
        IOException first = null;
        for (BalancePair p : pairs) {
            try {
                p.forceSwitchesOff(own);
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        for (BalancePair p : pairs) {
            try {
                p.pwm().forceDisable(own);
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        for (BalancePair p : pairs) {
            try {
                p.pwm().forceZeroDuty(own);
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (firstOfStall) {
            log.warn("{}: balance outputs forced off while a drive held them (blocked in a write?){}", packId,
                    first == null ? "" : "; not all could be written: " + first.getMessage());
        }
    }

    /** Whether the drive under way must stop: deactivated, or forced off since it began. */
    private boolean cancelled() {
        return closed || forcedOffs.get() != forcedOffsSeen;
    }

    /** After a forced off the records are wrong: forget them so that the next writes go through. Under the lock. */
    private void forgetIfForcedOff() {
        long forced = forcedOffs.get();
        if (forced != forcedOffsSeen) {
            for (BalancePair p : pairs) {
                p.forget();
            }
            forcedOffsSeen = forced;
        }
    }

    @Deactivate
    void deactivate() {
        closed = true; // a drive still blocked in a write stops when it returns
        boolean locked = false;
        try {
            locked = lock.tryLock(DEACTIVATE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!locked) {
            forceOff();
            // Releasing the GPIO lines under a blocked ioctl could hand its descriptor to another file: the
            // lines stay held (low) until the process ends.
            log.warn("{}: a drive did not return within {} s: balance outputs forced off, GPIO lines kept", packId,
                    DEACTIVATE_WAIT_SECONDS);
            return;
        }
        try {
            offLocked();
            lines.close();
            log.info("{}: balance outputs off and released", packId);
        } finally {
            lock.unlock();
        }
    }
}
