package io.cellgate.driver.linux.indicator;

import io.cellgate.api.balancer.Decision;
import io.cellgate.api.balancer.Indicator;
import io.cellgate.api.driver.IndicatorOutput;
import io.cellgate.api.time.TickClock;
import io.cellgate.driver.linux.config.ConfigValues;
import io.cellgate.driver.linux.gpio.ChardevGpio;
import io.cellgate.driver.linux.gpio.GpioDriver;
import io.cellgate.driver.linux.line.LedClassDevice;
import io.cellgate.driver.linux.line.LineSpec;
import io.cellgate.driver.linux.line.OutputLines;
import io.cellgate.driver.linux.sysfs.Sysfs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * A pack's cell LEDs, one factory configuration {@value #PID} per pack: LED class devices (flashing through the
 * kernel's timer trigger) and GPIO lines (flashing by a blink task of the gateway). Every LED is written only when
 * its state changes; when a write fails, every LED goes to the fail-safe pattern (all flashing); all go off when the
 * component is deactivated.
 */
@Component(configurationPid = LinuxIndicators.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = IndicatorOutput.class)
@Designate(ocd = IndicatorsConfig.class, factory = true)
public final class LinuxIndicators implements IndicatorOutput {

    public static final String PID = "io.cellgate.driver.linux.indicators";

    private final Logger log;
    private final String packId;
    private final IndicatorLed[] leds;
    private final GpioIndicator[] gpioLeds;
    private final OutputLines gpioLines;
    private final SoftBlink blink;
    private final TickClock.Cancellable blinkTask;
    private final Sysfs sysfs = new Sysfs();
    private boolean closed;

    @Activate
    public LinuxIndicators(IndicatorsConfig config,
            @Reference(name = "clock", target = "(cellgate.clock=system)") TickClock clock,
            @Reference(name = "log", service = LoggerFactory.class) Logger log) {
        this(config, clock, log, new ChardevGpio());
    }

    /** With the GPIO driver given, for tests. */
    LinuxIndicators(IndicatorsConfig config, TickClock clock, Logger log, GpioDriver gpio) {
        this.log = log;
        OutputLines opened = null;
        try {
            packId = ConfigValues.packId(config.cellgate_pack());
            int cells = ConfigValues.cells(config.cells());
            List<String> specs = ConfigValues.list("leds", config.leds(), cells, "one LED per cell");
            long onMillis = flashMillis("flash.on.ms", config.flash_on_ms());
            long offMillis = flashMillis("flash.off.ms", config.flash_off_ms());
            Path root = ConfigValues.directory("sysfs.root", config.sysfs_root());
            Path devRoot = ConfigValues.directory("dev.root", config.dev_root());
            blink = new SoftBlink(onMillis, offMillis);

            leds = new IndicatorLed[cells];
            List<LineSpec> gpioSpecs = new ArrayList<>();
            List<Integer> gpioCells = new ArrayList<>();
            for (int c = 0; c < cells; c++) {
                LineSpec spec = LineSpec.parse(specs.get(c));
                if (spec.isGpio()) {
                    gpioSpecs.add(spec);
                    gpioCells.add(c);
                } else {
                    leds[c] = new LedClassIndicator(timerLed(root, spec.led()), sysfs, onMillis, offMillis);
                }
            }
            opened = OutputLines.open(gpioSpecs, root, devRoot, () -> gpio, "cellgate-" + packId, sysfs);
            gpioLines = opened;
            gpioLeds = new GpioIndicator[gpioSpecs.size()];
            for (int i = 0; i < gpioLeds.length; i++) {
                gpioLeds[i] = new GpioIndicator(gpioLines.get(i));
                leds[gpioCells.get(i)] = gpioLeds[i];
            }
            allOff("cannot switch the LEDs off at activation");
        } catch (IllegalArgumentException e) {
            if (opened != null) {
                opened.close();
            }
            log.error("LEDs of pack {}: configuration refused: {}", config.cellgate_pack(), e.getMessage());
            throw e;
        }
        blinkTask = gpioLeds.length == 0 ? null : clock.schedule(this::blinkStep, blink.stepMillis() * 1_000_000);
        log.info("{}: {} cell LEDs, {} of them on GPIO lines", packId, leds.length, gpioLeds.length);
    }

    private LedClassDevice timerLed(Path root, String name) {
        LedClassDevice led = LedClassDevice.open(root, name, sysfs);
        if (!led.offersTimer()) {
            throw new IllegalArgumentException("LED '" + name + "' offers no timer trigger (is ledtrig-timer loaded?); "
                    + "its triggers: " + led.triggers());
        }
        return led;
    }

    private static long flashMillis(String property, long millis) {
        if (millis < 10 || millis > 10_000) {
            throw new IllegalArgumentException(property + "=" + millis + " is out of range: 10 to 10000 ms");
        }
        return millis;
    }

    @Override
    public synchronized void show(Decision decision) throws IOException {
        if (closed) {
            return;
        }
        if (decision.cells() != leds.length) {
            throw new IllegalArgumentException("a decision for " + decision.cells() + " cells, these LEDs show "
                    + leds.length);
        }
        boolean blinkOn = blink.isOn();
        IOException first = null;
        for (int c = 0; c < leds.length; c++) {
            try {
                leds[c].show(decision.indicator(c), blinkOn);
            } catch (IOException e) {
                first = first == null ? e : first; // the other LEDs still get their state
            }
        }
        if (first != null) {
            // A LED that failed shows nothing true: every LED goes to the fail-safe pattern (Decision.failSafe,
            // all flashing), as telemetry will say, then the runtime hears of it.
            showFailSafe(blinkOn);
            throw first;
        }
    }

    /** Every LED flashing, past errors: what {@link Decision#failSafe} shows. */
    private void showFailSafe(boolean blinkOn) {
        for (IndicatorLed led : leds) {
            try {
                led.show(Indicator.FLASHING, blinkOn);
            } catch (IOException e) {
                // as many as can flash do; the failure is on its way up
            }
        }
    }

    private synchronized void blinkStep() {
        if (closed) {
            return;
        }
        boolean on = blink.advance();
        for (GpioIndicator led : gpioLeds) {
            if (led.shown() == Indicator.FLASHING) {
                try {
                    led.show(Indicator.FLASHING, on);
                } catch (IOException e) {
                    // the next tick's show() tries again and reports it
                }
            }
        }
    }

    @Deactivate
    synchronized void deactivate() {
        if (blinkTask != null) {
            blinkTask.close();
        }
        try {
            allOff("LEDs left as they were at deactivation");
        } catch (IllegalArgumentException e) {
            log.warn("{}: {}", packId, e.getMessage());
        }
        gpioLines.close();
        closed = true;
    }

    private void allOff(String problem) {
        IOException first = null;
        for (IndicatorLed led : leds) {
            try {
                led.show(Indicator.OFF, false);
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw new IllegalArgumentException(problem + ": " + first.getMessage(), first);
        }
    }
}
