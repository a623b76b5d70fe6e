package io.cellgate.itests.hw;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.After;
import org.junit.Test;

/**
 * The hardware gateway as the service manager runs it, a process of its own over a fake sysfs tree: killed with
 * SIGKILL mid-balance it leaves its outputs as they were (the kernel keeps PWM channels and LEDs as last written,
 * and so does the tree), and {@code outputs-off}, run from the configuration alone as {@code ExecStopPost} would,
 * turns every one of them off.
 */
public class OutputsOffIT {

    private Process gateway;

    @After
    public void stopTheGateway() throws InterruptedException {
        HardwareProcess.end(gateway);
    }

    @Test
    public void afterKillMinus9TheCommandTurnsEveryOutputOffFromTheConfigurationAlone() throws Exception {
        HardwareProcess hw = HardwareProcess.prepare("outputs-off");
        gateway = hw.start(List.of());
        hw.awaitPair7Balancing();
        String duty = hw.tree.pwm(6, "duty_cycle");
        assertEquals("1", hw.tree.pwm(6, "enable"));
        assertEquals("255", hw.tree.cellLed(6, "brightness"));

        long pid = gateway.pid();
        gateway.destroyForcibly(); // SIGKILL: no shutdown hook, no deactivation, nothing of the gateway runs
        assertTrue(gateway.waitFor(30, TimeUnit.SECONDS));
        assertEquals("killed by SIGKILL", 128 + 9, gateway.exitValue());
        assertEquals("the outputs stay as the dead process left them", "1", hw.tree.pwm(6, "enable"));
        assertEquals(duty, hw.tree.pwm(6, "duty_cycle"));
        assertEquals("1", hw.tree.switchLine(6, true));

        long start = System.nanoTime();
        hw.outputsOff();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("outputs-off after kill -9 of gateway %d: every output off in %.2f s (JVM start included)%n",
                pid, seconds);
        assertTrue("still on: " + hw.stillOn(), hw.stillOn().isEmpty());
        assertFalse(gateway.isAlive());
    }
}
