/** Balance outputs of a driven inductive board: direction switch lines and PWM current setpoints. */
package io.cellgate.driver.linux.balance;
