package io.cellgate.driver.linux.line;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an on/off output is wired, as an operator writes it: {@code gpiochip2:17} is line 17 of the GPIO chip
 * {@code /dev/gpiochip2}; any other name is a LED class device, {@code /sys/class/leds/NAME} (for instance a line
 * the device tree declares under {@code gpio-leds}).
 *
 * @param spec   as written
 * @param chip   the GPIO chip's device name, or null for a LED class device
 * @param offset the line's offset on the chip, or -1
 */
public record LineSpec(String spec, String chip, int offset) {

    private static final Pattern GPIO = Pattern.compile("(gpiochip\\d+):(\\d{1,4})");

    public static LineSpec parse(String spec) {
        Matcher m = GPIO.matcher(spec);
        if (m.matches()) {
            return new LineSpec(spec, m.group(1), Integer.parseInt(m.group(2)));
        }
        if (spec.contains("/") || spec.equals(".") || spec.equals("..")) {
            throw new IllegalArgumentException("'" + spec + "' is neither gpiochipN:LINE nor a LED class name");
        }
        return new LineSpec(spec, null, -1);
    }

    public boolean isGpio() {
        return chip != null;
    }

    /** The LED class device name. */
    public String led() {
        return spec;
    }
}
