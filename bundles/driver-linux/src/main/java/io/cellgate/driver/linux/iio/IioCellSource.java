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
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

/**
 * A pack's cell voltages from IIO ADC channels, one factory configuration {@value #PID} per pack. Every tick
 * reads every channel once. A channel that cannot be read (missing file, I/O error, garbage) makes its cells
 * {@link CellStatus#STALE}: no fresh measurement. A channel that reads outside what its tap can physically show
 * makes its cells {@link CellStatus#OPEN_WIRE}: the sense wire or its divider is open or shorted, the datasheet's
 * "bad battery contact". With stacked taps a bad tap marks both cells it joins.
 */
@Component(configurationPid = IioCellSource.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = CellVoltageSource.class)
@Designate(ocd = IioSourceConfig.class, factory = true)
public final class IioCellSource implements CellVoltageSource {

    public static final String PID = "io.cellgate.driver.linux.iio";

    /** Beyond it the pack runtime takes any cell reading as a measuring fault. */
    static final double MAX_CELL_VOLTS = 6.0;

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
            IioDevices devices = new IioDevices(root, sysfs);
            channels = new IioChannel[cells];
            minVolts = new double[cells];
            maxVolts = new double[cells];
            for (int k = 0; k < cells; k++) {
                channels[k] = openChannel(devices, config.device(), specs.get(k), ratios[k]);
                minVolts[k] = wiring.minVolts(k, cellMin);
                maxVolts[k] = wiring.maxVolts(k, cellMax);
            }
        } catch (IllegalArgumentException e) {
            // SCR would log this as a stack trace; an operator should read the reason first.
            log.error("IIO source of pack {}: configuration refused: {}", config.cellgate_pack(), e.getMessage());
            throw e;
        }
        volts = new double[channels.length];
        status = new CellStatus[channels.length];
        logged = new CellStatus[channels.length];
        Arrays.fill(logged, CellStatus.OK);
        log.info("{}: IIO source of {} {} channels, first {}", packId, channels.length,
                wiring.name().toLowerCase(Locale.ROOT), channels[0]);
    }

    private IioChannel openChannel(IioDevices devices, String defaultDevice, String spec, double ratio) {
        int slash = spec.lastIndexOf('/');
        String device = slash < 0 ? defaultDevice : spec.substring(0, slash);
        if (device == null || device.isBlank()) {
            throw new IllegalArgumentException("channel '" + spec + "' names no device and device is not set");
        }
        return IioChannel.open(devices.find(device.trim()), spec.substring(slash + 1), ratio, sysfs);
    }

    @Override
    public int cells() {
        return channels.length;
    }

    @Override
    public synchronized void read(PackReading into) {
        for (int k = 0; k < channels.length; k++) {
            IOException failure = null;
            try {
                volts[k] = channels[k].readVolts(sysfs);
                status[k] = volts[k] >= minVolts[k] && volts[k] <= maxVolts[k] ? CellStatus.OK : CellStatus.OPEN_WIRE;
            } catch (IOException e) {
                status[k] = CellStatus.STALE;
                failure = e;
            }
            if (status[k] != logged[k]) {
                logChange(k, failure);
            }
        }
        wiring.toCells(volts, status, into);
    }

    /** Runs only when a channel's status changes, so building the message costs nothing per tick. */
    private void logChange(int k, IOException failure) {
        String cells = wiring == Wiring.STACKED && k + 1 < channels.length
                ? "cells " + (k + 1) + " and " + (k + 2) : "cell " + (k + 1);
        switch (status[k]) {
            case OK -> log.info("{}: channel {} ({}) reads again: {} OK", packId, k + 1, channels[k], cells);
            case STALE -> log.warn("{}: channel {} ({}) unreadable: {}; {} {}", packId, k + 1, channels[k],
                    failure == null ? "?" : failure.toString(), cells, status[k]);
            default -> log.warn("{}: channel {} ({}) reads {} V, outside {}-{} V: {} {}", packId, k + 1, channels[k],
                    String.format(Locale.ROOT, "%.3f", volts[k]), minVolts[k], maxVolts[k], cells, status[k]);
        }
        logged[k] = status[k];
    }
}
