package io.cellgate.driver.linux.iio;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** A pack's cell voltages from IIO ADC channels: which channels, through which dividers, wired how. */
@ObjectClassDefinition(name = "Cellgate IIO cell-voltage source",
        description = "Measures a pack's cells through kernel ADC drivers (ADS1015/ADS1115, MCP320x, ...) in "
                + "/sys/bus/iio/devices.")
@interface IioSourceConfig {

    @AttributeDefinition(name = "Pack id", description = "The pack these channels measure (service property).")
    String cellgate_pack();

    @AttributeDefinition(name = "Cells", description = "Cells of the pack, 2 to 48; one channel per cell.",
            min = "2", max = "48")
    int cells() default 20;

    @AttributeDefinition(name = "Default device", required = false,
            description = "The IIO device of channels that name none: iio:deviceN, its name (ads1115), its label, "
                    + "or its bus address (1-0048).")
    String device() default "";

    @AttributeDefinition(name = "Channels",
            description = "One per cell from the pack's negative end, comma-separated: M (in_voltageM_raw), M-N "
                    + "(differential), or DEVICE/M on another device.")
    String[] channels();

    @AttributeDefinition(name = "Wiring", description = "stacked: channel k measures tap k against the pack's "
            + "negative end (cell k = tap k - tap k-1); direct: each channel measures its cell.",
            options = {@Option(label = "stacked taps", value = "stacked"), @Option(label = "direct", value = "direct")})
    String wiring() default "stacked";

    @AttributeDefinition(name = "Divider ratios",
            description = "Volts at the tap per volt at the ADC pin, one for all channels or one per channel.")
    String[] divider_ratios() default {"1"};

    @AttributeDefinition(name = "Lowest cell (V)", description = "Below it times the cells under a tap, the tap's "
            + "sense wire is taken as open.")
    double cell_min_volts() default 0.5;

    @AttributeDefinition(name = "Highest cell (V)", description = "Above it times the cells under a tap, the tap's "
            + "sense wire is taken as open. At most 6 V.")
    double cell_max_volts() default 5.0;

    @AttributeDefinition(name = "Read deadline (ms)", description = "How long a tick waits for the channels, 1 to "
            + "60000 ms: a channel not read by then (its read blocked in the kernel) is STALE for that tick. Above the "
            + "ADC's conversion time for every channel, below the pack's tick.ms.", min = "1", max = "60000")
    long read_deadline_ms() default 300;

    @AttributeDefinition(name = "Pack current channel", required = false,
            description = "The shunt that measures the pack current, empty for none: currentM (in_currentM_raw x "
                    + "scale in mA, an INA226/INA219-class monitor on the ina2xx-adc driver), or M or M-N (a voltage "
                    + "channel across the shunt, divided by current.shunt.milliohms); DEVICE/... on another device.")
    String current_channel() default "";

    @AttributeDefinition(name = "Shunt (milliohm)", description = "The shunt's resistance, 0.01 to 100000 mOhm; "
            + "needed when the current channel is a voltage channel, ignored for a currentM channel.")
    double current_shunt_milliohms() default 0;

    @AttributeDefinition(name = "Invert current", description = "The reading's current is positive while the pack "
            + "is charged; set this when the shunt is wired so that charging reads negative.")
    boolean current_invert() default false;

    @AttributeDefinition(name = "Largest current (A)", description = "0.001 to 100000 A: a current channel reading "
            + "beyond it either way is taken as a fault (no current that tick), as a cell outside its range is.")
    double current_max_amps() default 1000;

    @AttributeDefinition(name = "sysfs root", description = "The directory holding sys/; / on the gateway.")
    String sysfs_root() default "/";
}
