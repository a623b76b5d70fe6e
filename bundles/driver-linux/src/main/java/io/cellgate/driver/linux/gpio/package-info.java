/** GPIO lines through the kernel's GPIO character device, ABI v2, called through JNA. */
package io.cellgate.driver.linux.gpio;
