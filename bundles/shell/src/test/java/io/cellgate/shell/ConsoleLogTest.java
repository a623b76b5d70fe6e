package io.cellgate.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;

class ConsoleLogTest {

    @Test
    void theJournalReadsEachLevelAsItsSyslogPriority() {
        assertEquals("<3>", ConsoleLog.syslogPrefix(LogLevel.ERROR));
        assertEquals("<4>", ConsoleLog.syslogPrefix(LogLevel.WARN));
        assertEquals("<6>", ConsoleLog.syslogPrefix(LogLevel.INFO));
        assertEquals("<7>", ConsoleLog.syslogPrefix(LogLevel.DEBUG));
    }
}
