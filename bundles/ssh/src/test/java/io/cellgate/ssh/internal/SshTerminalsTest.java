package io.cellgate.ssh.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.sshd.common.channel.PtyMode;
import org.jline.terminal.Attributes;
import org.jline.terminal.Attributes.ControlChar;
import org.jline.terminal.Attributes.LocalFlag;
import org.junit.jupiter.api.Test;

class SshTerminalsTest {

    @Test
    void withoutPtyModesCtrlCStillInterrupts() {
        Attributes a = SshTerminals.attributes(Map.of());
        assertTrue(a.getLocalFlag(LocalFlag.ISIG));
        assertEquals(3, a.getControlChar(ControlChar.VINTR));
    }

    @Test
    void theClientsPtyModesWin() {
        Attributes a = SshTerminals.attributes(Map.of(PtyMode.VINTR, 7, PtyMode.ECHO, 0));
        assertEquals(7, a.getControlChar(ControlChar.VINTR));
        assertFalse(a.getLocalFlag(LocalFlag.ECHO));
    }
}
