/** Reading and writing sysfs attributes without allocating per value. */
package io.cellgate.driver.linux.sysfs;
