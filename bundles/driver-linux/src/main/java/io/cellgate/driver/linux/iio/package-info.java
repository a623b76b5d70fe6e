/** Cell voltages from kernel ADC drivers through the Industrial I/O subsystem (/sys/bus/iio). */
package io.cellgate.driver.linux.iio;
