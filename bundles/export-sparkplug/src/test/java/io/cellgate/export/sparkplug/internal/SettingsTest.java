package io.cellgate.export.sparkplug.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.osgi.util.converter.Converters;

class SettingsTest {

    static SparkplugConfig config(Map<String, Object> values) {
        return Converters.standardConverter().convert(values).to(SparkplugConfig.class);
    }

    private static String refusal(String key, Object value) {
        return assertThrows(IllegalArgumentException.class, () -> SparkplugSettings.of(config(Map.of(key, value)),
                () -> "h")).getMessage();
    }

    @Test
    void theDefaultsAreAHarmlessNodeNamedAfterTheHostWithCommandsOff() {
        SparkplugSettings s = SparkplugSettings.of(config(Map.of()), () -> "pi-garage.lan");
        assertEquals("tcp://127.0.0.1:1883", s.brokerUrl());
        assertEquals("cellgate", s.group());
        assertEquals("pi-garage", s.node());
        assertEquals("cellgate-sp-pi-garage", s.clientId());
        assertNull(s.primaryHost());
        assertEquals(1000, TimeUnit.NANOSECONDS.toMillis(s.scanNanos()));
        assertEquals(0.001, s.deadbandVolts());
        assertFalse(s.commands());
        assertEquals(List.of("Balancer/Model"), s.allowed());
        assertEquals(30, s.keepAliveSeconds());
    }

    @Test
    void badValuesAreRefusedNamingThePropertyAndWhatItTakes() {
        assertEquals("group.id 'a/b' is invalid: use 1 to 64 letters, digits, '-' or '_'", refusal("group.id", "a/b"));
        assertEquals("edge.node.id 'x+' is invalid: use 1 to 64 letters, digits, '-' or '_'",
                refusal("edge.node.id", "x+"));
        assertEquals("scan.ms=50 is out of range: 100 to 3600000 ms", refusal("scan.ms", 50L));
        assertEquals("deadband.volts=2 is out of range: 0 to 1 V", refusal("deadband.volts", 2.0));
        assertEquals("keepalive.seconds=1 is out of range: 5 to 3600 s", refusal("keepalive.seconds", 1));
        assertEquals("commands.allow names 'Cell/1/Volts', which cannot be written: name Balancer/Model or "
                + "Properties/<pack property>", refusal("commands.allow", new String[] {"Cell/1/Volts"}));
        assertEquals("broker.url 'http://x' is invalid: use tcp://host:port or ssl://host:port",
                refusal("broker.url", "http://x"));
    }
}
