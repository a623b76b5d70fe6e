package io.cellgate.operate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What cellgate:set accepts for a *.target before it writes anything. */
class TargetCheckTest {

    @Test
    void aFilterGogoEvaluatedAsksForQuotes() {
        Refusal e = assertThrows(Refusal.class,
                () -> PackOperations.checkTarget("pack2", "source.target", "cellgate.pack=pack2"));
        assertEquals("source.target=cellgate.pack=pack2 is not an LDAP filter: quote the filter, or Gogo takes its "
                + "parentheses for a command, e.g. cellgate:set pack2 source.target \"(cellgate.pack=pack2)\"",
                e.getMessage());
    }

    @Test
    void aFilterThatDoesNotParseIsRefusedBeforeItIsWritten() {
        Refusal e = assertThrows(Refusal.class,
                () -> PackOperations.checkTarget("pack2", "source.target", "(cellgate.pack=pack2)\\"));
        assertTrue(e.getMessage().startsWith("source.target=(cellgate.pack=pack2)\\ is not an LDAP filter ("),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("): write one in parentheses, as (name=value) or "
                + "(&(name=value)(name=value))"), e.getMessage());
        assertThrows(Refusal.class,
                () -> PackOperations.checkTarget("pack2", "balancer.target", "(&(cellgate.model=EK-L20S1A)"));
    }

    @Test
    void aDriverTargetNamingAnotherPackIsRefused() {
        Refusal e = assertThrows(Refusal.class,
                () -> PackOperations.checkTarget("pack2", "outputs.target", "(cellgate.pack=pack1)"));
        assertTrue(e.getMessage().startsWith("outputs.target=(cellgate.pack=pack1) chooses the drivers of pack "
                + "pack1, and pack pack2 uses only its own"), e.getMessage());
    }

    @Test
    void filtersOnThePacksOwnDriversAndOtherTargetsPass() {
        PackOperations.checkTarget("pack2", "source.target", "(cellgate.pack=pack2)");
        PackOperations.checkTarget("pack2", "source.target", "(&(cellgate.pack=pack2)(adc=bench))");
        PackOperations.checkTarget("pack2", "indicators.target", "(leds=front)");
        // Another pack's id in the balancer's filter chooses a model, not a driver.
        PackOperations.checkTarget("pack2", "balancer.target", "(&(cellgate.model=EK-L20S1A)(cellgate.pack=pack1))");
    }
}
