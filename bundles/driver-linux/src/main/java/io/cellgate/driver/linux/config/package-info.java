/** Configuration checks shared by the drivers. */
package io.cellgate.driver.linux.config;
