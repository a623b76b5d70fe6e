package io.cellgate.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What cellgate:set accepts for a *.target before it writes anything. */
class TargetCheckTest {

    @Test
    void aFilterGogoEvaluatedAsksForQuotes() {
        CommandError e = assertThrows(CommandError.class,
                () -> ConfigCommands.checkTarget("pack2", "source.target", "cellgate.pack=pack2"));
        assertEquals("source.target=cellgate.pack=pack2 is not an LDAP filter: quote the filter, or Gogo takes its "
                + "parentheses for a command, e.g. cellgate:set pack2 source.target \"(cellgate.pack=pack2)\"",
                e.getMessage());
    }

    @Test
    void aFilterThatDoesNotParseIsRefusedBeforeItIsWritten() {
        CommandError e = assertThrows(CommandError.class,
                () -> ConfigCommands.checkTarget("pack2", "source.target", "(cellgate.pack=pack2)\\"));
        assertTrue(e.getMessage().startsWith("source.target=(cellgate.pack=pack2)\\ is not an LDAP filter ("),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("): write one in parentheses, as (name=value) or "
                + "(&(name=value)(name=value))"), e.getMessage());
        assertThrows(CommandError.class,
                () -> ConfigCommands.checkTarget("pack2", "balancer.target", "(&(cellgate.model=EK-L20S1A)"));
    }

    @Test
    void aDriverTargetNamingAnotherPackIsRefused() {
        CommandError e = assertThrows(CommandError.class,
                () -> ConfigCommands.checkTarget("pack2", "outputs.target", "(cellgate.pack=pack1)"));
        assertTrue(e.getMessage().startsWith("outputs.target=(cellgate.pack=pack1) chooses the drivers of pack "
                + "pack1, and pack pack2 uses only its own"), e.getMessage());
    }

    @Test
    void filtersOnThePacksOwnDriversAndOtherTargetsPass() {
        ConfigCommands.checkTarget("pack2", "source.target", "(cellgate.pack=pack2)");
        ConfigCommands.checkTarget("pack2", "source.target", "(&(cellgate.pack=pack2)(adc=bench))");
        ConfigCommands.checkTarget("pack2", "indicators.target", "(leds=front)");
        // Another pack's id in the balancer's filter chooses a model, not a driver.
        ConfigCommands.checkTarget("pack2", "balancer.target", "(&(cellgate.model=EK-L20S1A)(cellgate.pack=pack1))");
    }
}
