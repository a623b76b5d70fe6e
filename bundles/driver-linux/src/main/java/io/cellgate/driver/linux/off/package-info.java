/** Turning every configured output off after the gateway's process ended: the service manager's command. */
package io.cellgate.driver.linux.off;
