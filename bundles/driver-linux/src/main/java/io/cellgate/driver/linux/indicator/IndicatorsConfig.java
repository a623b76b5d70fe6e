package io.cellgate.driver.linux.indicator;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** A pack's cell LEDs: LED class devices or GPIO lines, one per cell. */
@ObjectClassDefinition(name = "Cellgate cell LEDs (Linux)",
        description = "One LED per cell through the LED class (/sys/class/leds) or a GPIO line (/dev/gpiochipN).")
@interface IndicatorsConfig {

    @AttributeDefinition(name = "Pack id", description = "The pack whose cells these LEDs show (service property).")
    String cellgate_pack();

    @AttributeDefinition(name = "Cells", description = "Cells of the pack, 2 to 48; one LED per cell.",
            min = "2", max = "48")
    int cells() default 20;

    @AttributeDefinition(name = "LEDs", description = "One per cell from the pack's negative end, comma-separated: a "
            + "LED class name (cell01) or a GPIO line gpiochipN:LINE.")
    String[] leds();

    @AttributeDefinition(name = "Flash on (ms)", description = "Lit time of a flashing LED, 10 to 10000 ms.",
            min = "10", max = "10000")
    long flash_on_ms() default 250;

    @AttributeDefinition(name = "Flash off (ms)", description = "Dark time of a flashing LED, 10 to 10000 ms.",
            min = "10", max = "10000")
    long flash_off_ms() default 250;

    @AttributeDefinition(name = "sysfs root", description = "The directory holding sys/; / on the gateway.")
    String sysfs_root() default "/";

    @AttributeDefinition(name = "/dev root", description = "The directory holding the gpiochipN devices.")
    String dev_root() default "/dev";
}
