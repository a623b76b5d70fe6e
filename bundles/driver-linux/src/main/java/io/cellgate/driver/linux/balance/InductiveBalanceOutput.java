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
 * <p>Everything goes off on {@link #allOff()} (the pack runtime calls it on a stale reading and on every fault),
 * when a write fails, on deactivation and so on bundle stop. A pair the decision leaves idle is off.
 */
@Component(configurationPid = InductiveBalanceOutput.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true, service = BalanceOutput.class)
@Designate(ocd = BalanceConfig.class, factory = true)
public final class InductiveBalanceOutput implements BalanceOutput {

    public static final String PID = "io.cellgate.driver.linux.balance";

    static final String NO_BLEED = "this board moves charge between adjacent cells and has no bleed resistors: "
            + "choose an adjacent (active) balancer model for this pack, not a passive one";

    private final Logger log;
    private final String packId;
    private final DutyCalibration calibration;
    private final BalancePair[] pairs;
    private final OutputLines lines;
    private final Sysfs sysfs = new Sysfs();
    private boolean offFailing;
    private boolean closed;

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
    public synchronized void drive(Decision decision) throws IOException {
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
        IOException first = null;
        for (int k = 0; k < pairs.length; k++) {
            try {
                pairs[k].drive(decision.direction(k), calibration.dutyNanos(decision.amps(k)));
            } catch (IOException e) {
                first = first == null ? e : first;
                offQuietly(pairs[k]);
            }
        }
        if (first != null) {
            throw first; // the pack runtime turns everything off and reports the output as failed
        }
    }

    @Override
    public synchronized void allOff() {
        if (closed) {
            return;
        }
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

    @Deactivate
    synchronized void deactivate() {
        allOff();
        lines.close();
        closed = true;
        log.info("{}: balance outputs off and released", packId);
    }

    private static void offQuietly(BalancePair pair) {
        try {
            pair.off();
        } catch (IOException ignored) {
            // the first failure is already on its way up
        }
    }
}
