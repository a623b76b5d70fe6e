/** On/off outputs on LED class devices and GPIO lines, named by the operator's line specs. */
package io.cellgate.driver.linux.line;
