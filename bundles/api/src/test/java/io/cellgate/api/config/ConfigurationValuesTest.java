package io.cellgate.api.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A configuration read as a component property type names a value of the wrong type")
class ConfigurationValuesTest {

    @interface Config {
        String pack_id();

        int cells() default 20;

        long tick_ms() default 100;

        double capacity_ah() default 2.5;

        boolean discovery_enabled() default true;

        String my__name$_$x() default "";

        String[] topics() default {};
    }

    @Test
    void readsPropertiesByDsNamesWithDefaults() {
        Config c = ConfigurationValues.as(Config.class, Map.of("pack.id", "p1", "cells", "16", "tick.ms", 50,
                "capacity.ah", " 3.2 ", "discovery.enabled", "FALSE", "my_name-x", "n"));
        assertEquals("p1", c.pack_id());
        assertEquals(16, c.cells());
        assertEquals(50L, c.tick_ms());
        assertEquals(3.2, c.capacity_ah());
        assertEquals(false, c.discovery_enabled());
        assertEquals("n", c.my__name$_$x());
        assertEquals(List.of(), List.of(c.topics()));
        assertEquals(List.of("a", "b"), List.of(ConfigurationValues.as(Config.class,
                Map.of("topics", new String[] {"a", "b"})).topics()));
        assertEquals(List.of("a"), List.of(ConfigurationValues.as(Config.class, Map.of("topics", "a")).topics()));

        Config defaults = ConfigurationValues.as(Config.class, Map.of("cells", List.of(12L)));
        assertEquals(null, defaults.pack_id());
        assertEquals(12, defaults.cells());
        assertEquals(100L, defaults.tick_ms());
        assertEquals(2.5, defaults.capacity_ah());
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedByNameAndValue() {
        assertEquals("cells=abc is not a whole number: write it as, e.g., cells=20 (the default)",
                refusal(Map.of("cells", "abc")));
        assertEquals("cells=2.5 is not a whole number: write it as, e.g., cells=20 (the default)",
                refusal(Map.of("cells", "2.5")));
        assertEquals("capacity.ah=lots is not a number: write it as, e.g., capacity.ah=2.5 (the default)",
                refusal(Map.of("capacity.ah", "lots")));
        assertEquals("discovery.enabled=yes is not true or false: write it as, e.g., discovery.enabled=true "
                + "(the default)", refusal(Map.of("discovery.enabled", "yes")));
        assertEquals("cells=99999999999 is out of range: at most 2147483647", refusal(Map.of("cells", 99999999999L)));
    }

    private static String refusal(Map<String, Object> properties) {
        return assertThrows(IllegalArgumentException.class, () -> ConfigurationValues.as(Config.class, properties))
                .getMessage();
    }
}
