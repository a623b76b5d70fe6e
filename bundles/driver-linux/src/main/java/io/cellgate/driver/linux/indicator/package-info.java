/** Per-cell indicator LEDs on the Linux LED class and GPIO lines. */
package io.cellgate.driver.linux.indicator;
