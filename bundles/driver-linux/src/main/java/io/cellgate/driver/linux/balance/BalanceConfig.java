package io.cellgate.driver.linux.balance;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** A driven inductive balance board: per pair two switch lines and a PWM channel, and the duty calibration. */
@ObjectClassDefinition(name = "Cellgate balance outputs (Linux)",
        description = "Per adjacent pair two direction switch lines and one PWM channel whose duty sets the current.")
@interface BalanceConfig {

    @AttributeDefinition(name = "Pack id", description = "The pack this board balances (service property).")
    String cellgate_pack();

    @AttributeDefinition(name = "Cells", description = "Cells of the pack, 2 to 48; cells - 1 pairs.",
            min = "2", max = "48")
    int cells() default 20;

    @AttributeDefinition(name = "Switch lines", description = "Two per pair from the pack's negative end, "
            + "comma-separated: the line moving energy up (cell k to k+1), then down (k+1 to k). A LED class name "
            + "(a gpio-leds line) or gpiochipN:LINE.")
    String[] switch_lines();

    @AttributeDefinition(name = "PWM channels", description = "One per pair, comma-separated: pwmchipN:M.")
    String[] pwm_channels();

    @AttributeDefinition(name = "PWM period (ns)", description = "1000 to 1000000000 ns.", min = "1000",
            max = "1000000000")
    long pwm_period_ns() default 1_000_000;

    @AttributeDefinition(name = "Duty offset (%)", description = "Duty at which the board's current starts.")
    double duty_offset_percent() default 0;

    @AttributeDefinition(name = "Duty gain (% per A)", description = "Duty per ampere of setpoint above the offset.")
    double duty_gain_percent_per_amp() default 50;

    @AttributeDefinition(name = "Maximum duty (%)", description = "Never more duty than this, whatever the setpoint.")
    double duty_max_percent() default 80;

    @AttributeDefinition(name = "sysfs root", description = "The directory holding sys/; / on the gateway.")
    String sysfs_root() default "/";

    @AttributeDefinition(name = "/dev root", description = "The directory holding the gpiochipN devices.")
    String dev_root() default "/dev";
}
