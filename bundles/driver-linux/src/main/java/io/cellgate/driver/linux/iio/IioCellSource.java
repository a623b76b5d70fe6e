package io.cellgate.driver.linux.iio;

import io.cellgate.api.driver.CellVoltageSource;
import io.cellgate.api.pack.CellStatus;
import io.cellgate.api.pack.PackReading;
import io.cellgate.driver.linux.config.ConfigValues;
import io.cellgate.driver.linux.sysfs.Sysfs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

/**
 * A pack's cell voltages from IIO ADC channels, one factory configuration {@value #PID} per pack. Every tick
 * reads every channel once. A channel that cannot be read (missing file, I/O error, garbage) makes its cells
 * {@link CellStatus#STALE}: no fresh measurement. A channel that reads outside what its tap can physically show
 * makes its cells {@link CellStatus#OPEN_WIRE}: the sense wire or its divider is open or shorted, the datasheet's
 * "bad battery contact". With stacked taps a bad tap marks both cells it joins. Reads run on a thread of the
 * source's own with a deadline ({@link DeadlineReader}): a read that blocks makes its cells STALE, never the tick
 * wait.
 *
 * <p>With {@code current.channel} set, the same reads take the pack current from a shunt, charge positive
 * ({@code current.invert} when the shunt is wired the other way), into {@link PackReading#setPackAmps}. A current
 * that cannot be read or reads beyond {@code current.max.amps} is NaN that tick, and logged when it fails and when
 * it recovers; the cells do not suffer from it.
 */
@Component(configurationPid = IioCellSource.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = CellVoltageSource.class)
@Designate(ocd = IioSourceConfig.class, factory = true)
public final class IioCellSource implements CellVoltageSource {

    public static final String PID = "io.cellgate.driver.linux.iio";

    static final long MIN_DEADLINE_MS = 1;
    static final long MAX_DEADLINE_MS = 60_000;

    /** Beyond it the pack runtime takes any cell reading as a measuring fault. */
    static final double MAX_CELL_VOLTS = 6.0;

    static final double MIN_SHUNT_MILLIOHMS = 0.01;
    static final double MAX_SHUNT_MILLIOHMS = 100_000;
    static final double MIN_MAX_AMPS = 0.001;
    static final double MAX_MAX_AMPS = 100_000;

    /** What the current channel did last tick, so its faults are logged when they appear and when they clear. */
    private enum CurrentState { OK, UNREADABLE, OUT_OF_RANGE }

    private final Logger log;
    private final String packId;
    private final Wiring wiring;
    private final IioChannel[] channels;
    private final double[] minVolts;
    private final double[] maxVolts;
    private final double[] volts;
    private final CellStatus[] status;
    /** The status last logged per channel, so a fault is logged when it appears and when it clears. */
    private final CellStatus[] logged;
    private final Sysfs sysfs = new Sysfs();
    private final long deadlineMillis;
    private final DeadlineReader reader;
    private final IOException[] failures;
    private final boolean[] late;
    /** The pack current's channel, or null without one. */
    private final IioChannel current;
    private final double currentSign;
    private final double maxAmps;
    private CurrentState currentLogged = CurrentState.OK;

    @Activate
    public IioCellSource(IioSourceConfig config, @Reference(name = "log", service = LoggerFactory.class) Logger log) {
        this.log = log;
        try {
            packId = ConfigValues.packId(config.cellgate_pack());
            int cells = ConfigValues.cells(config.cells());
            wiring = Wiring.parse(config.wiring());
            Path root = ConfigValues.directory("sysfs.root", config.sysfs_root());
            List<String> specs = ConfigValues.list("channels", config.channels(), cells,
                    "one channel per cell (direct) or per tap above the pack's negative end (stacked)");
            double[] ratios = ConfigValues.positiveNumbers("divider.ratios", config.divider_ratios(), cells);
            double cellMin = config.cell_min_volts();
            double cellMax = config.cell_max_volts();
            if (!(cellMin >= 0 && cellMin < cellMax && cellMax <= MAX_CELL_VOLTS)) {
                throw new IllegalArgumentException("cell.min.volts=" + cellMin + ", cell.max.volts=" + cellMax
                        + " are out of range: 0 <= min < max <= " + MAX_CELL_VOLTS + " V");
            }
            deadlineMillis = config.read_deadline_ms();
            if (deadlineMillis < MIN_DEADLINE_MS || deadlineMillis > MAX_DEADLINE_MS) {
                throw new IllegalArgumentException("read.deadline.ms=" + deadlineMillis + " is out of range: "
                        + MIN_DEADLINE_MS + " to " + MAX_DEADLINE_MS + " ms");
            }
            IioDevices devices = new IioDevices(root, sysfs);
            channels = new IioChannel[cells];
            minVolts = new double[cells];
            maxVolts = new double[cells];
            for (int k = 0; k < cells; k++) {
                channels[k] = openChannel(devices, config.device(), specs.get(k), ratios[k]);
                minVolts[k] = wiring.minVolts(k, cellMin);
                maxVolts[k] = wiring.maxVolts(k, cellMax);
            }
            current = openCurrent(devices, config);
            currentSign = config.current_invert() ? -1 : 1;
            maxAmps = config.current_max_amps();
        } catch (IllegalArgumentException e) {
            // SCR would log this as a stack trace; an operator should read the reason first.
            log.error("IIO source of pack {}: configuration refused: {}", config.cellgate_pack(), e.getMessage());
            throw e;
        }
        IioChannel[] all = channels;
        if (current != null) {
            all = Arrays.copyOf(channels, channels.length + 1);
            all[channels.length] = current;
        }
        volts = new double[all.length];
        failures = new IOException[all.length];
        late = new boolean[all.length];
        status = new CellStatus[channels.length];
        logged = new CellStatus[channels.length];
        Arrays.fill(logged, CellStatus.OK);
        reader = new DeadlineReader(all, "cellgate-iio-" + packId, deadlineMillis * 1_000_000);
        log.info("{}: IIO source of {} {} channels, first {}, read within {} ms; pack current: {}", packId,
                channels.length, wiring.name().toLowerCase(Locale.ROOT), channels[0], deadlineMillis,
                current == null ? "none (current.channel not set)"
                        : current + (currentSign < 0 ? ", inverted" : "") + ", at most " + maxAmps + " A");
    }

    @Deactivate
    void deactivate() {
        reader.close();
    }

    /** The thread reading the channels now; for tests. */
    Thread readerThread() {
        return reader.reader();
    }

    private IioChannel openChannel(IioDevices devices, String defaultDevice, String spec, double ratio) {
        int slash = spec.lastIndexOf('/');
        String device = slash < 0 ? defaultDevice : spec.substring(0, slash);
        if (device == null || device.isBlank()) {
            throw new IllegalArgumentException("channel '" + spec + "' names no device and device is not set");
        }
        return IioChannel.open(devices.find(device.trim()), spec.substring(slash + 1), ratio, sysfs);
    }

    private IioChannel openCurrent(IioDevices devices, IioSourceConfig config) {
        String spec = config.current_channel() == null ? "" : config.current_channel().trim();
        if (spec.isEmpty()) {
            return null;
        }
        double max = config.current_max_amps();
        if (!(max >= MIN_MAX_AMPS && max <= MAX_MAX_AMPS)) {
            throw new IllegalArgumentException("current.max.amps=" + max + " is out of range: " + MIN_MAX_AMPS
                    + " to " + MAX_MAX_AMPS + " A");
        }
        double milliohms = config.current_shunt_milliohms();
        if (milliohms != 0 && !(milliohms >= MIN_SHUNT_MILLIOHMS && milliohms <= MAX_SHUNT_MILLIOHMS)) {
            throw new IllegalArgumentException("current.shunt.milliohms=" + milliohms + " is out of range: "
                    + MIN_SHUNT_MILLIOHMS + " to " + MAX_SHUNT_MILLIOHMS + " mOhm");
        }
        int slash = spec.lastIndexOf('/');
        String device = slash < 0 ? config.device() : spec.substring(0, slash);
        if (device == null || device.isBlank()) {
            throw new IllegalArgumentException("current.channel '" + spec + "' names no device and device is not set");
        }
        return IioChannel.openCurrent(devices.find(device.trim()), spec.substring(slash + 1).trim(),
                milliohms / 1000, sysfs);
    }

    @Override
    public int cells() {
        return channels.length;
    }

    /**
     * Reads every channel on the source's reader thread, waiting at most {@code read.deadline.ms}: a channel whose
     * read has not returned by then (blocked in the kernel) is {@link CellStatus#STALE} this tick.
     */
    @Override
    public synchronized void read(PackReading into) {
        reader.readAll(volts, failures, late);
        for (int k = 0; k < channels.length; k++) {
            if (late[k] || failures[k] != null) {
                status[k] = CellStatus.STALE;
            } else {
                status[k] = volts[k] >= minVolts[k] && volts[k] <= maxVolts[k] ? CellStatus.OK : CellStatus.OPEN_WIRE;
            }
            if (status[k] != logged[k]) {
                logChange(k, late[k] ? "no answer within " + deadlineMillis + " ms (read.deadline.ms)"
                        : failures[k] == null ? null : failures[k].getMessage());
            }
        }
        wiring.toCells(volts, status, into);
        if (current != null) {
            into.setPackAmps(packAmps());
        }
    }

    /** The current channel's reading in amperes, charge positive, or NaN when it failed or is out of range. */
    private double packAmps() {
        int k = channels.length;
        CurrentState state;
        double amps = currentSign * volts[k];
        if (late[k] || failures[k] != null) {
            state = CurrentState.UNREADABLE;
        } else {
            state = Math.abs(amps) <= maxAmps ? CurrentState.OK : CurrentState.OUT_OF_RANGE;
        }
        if (state != currentLogged) {
            switch (state) {
                case OK -> log.info("{}: pack current ({}) reads again", packId, current);
                case UNREADABLE -> log.warn("{}: pack current ({}) unreadable: {}; no pack current", packId, current,
                        late[k] ? "no answer within " + deadlineMillis + " ms (read.deadline.ms)"
                                : failures[k].getMessage());
                default -> log.warn("{}: pack current ({}) reads {} A, beyond {} A (current.max.amps); no pack current",
                        packId, current, String.format(Locale.ROOT, "%.3f", amps), maxAmps);
            }
            currentLogged = state;
        }
        return state == CurrentState.OK ? amps : Double.NaN;
    }

    /** Runs only when a channel's status changes, so building the message costs nothing per tick. */
    private void logChange(int k, String failure) {
        String cells = wiring == Wiring.STACKED && k + 1 < channels.length
                ? "cells " + (k + 1) + " and " + (k + 2) : "cell " + (k + 1);
        switch (status[k]) {
            case OK -> log.info("{}: channel {} ({}) reads again: {} OK", packId, k + 1, channels[k], cells);
            case STALE -> log.warn("{}: channel {} ({}) unreadable: {}; {} {}", packId, k + 1, channels[k],
                    failure == null ? "?" : failure, cells, status[k]);
            default -> log.warn("{}: channel {} ({}) reads {} V, outside {}-{} V: {} {}", packId, k + 1, channels[k],
                    String.format(Locale.ROOT, "%.3f", volts[k]), minVolts[k], maxVolts[k], cells, status[k]);
        }
        logged[k] = status[k];
    }
}
