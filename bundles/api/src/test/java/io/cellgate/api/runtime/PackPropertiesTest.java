package io.cellgate.api.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PackPropertiesTest {

    @Test
    void noTargetOrThePacksOwnFilterIsThePacksOwnFilter() {
        assertEquals("(cellgate.pack=pack2)", PackProperties.ownDriverTarget("pack2", "source.target", null));
        assertEquals("(cellgate.pack=pack2)", PackProperties.ownDriverTarget("pack2", "source.target", " "));
        assertEquals("(cellgate.pack=pack2)", PackProperties.ownDriverTarget("pack2", "source.target",
                " (cellgate.pack=pack2) "));
    }

    @Test
    void anyOtherTargetNarrowsThePacksOwnDrivers() {
        assertEquals("(&(cellgate.pack=pack2)(adc=bench))", PackProperties.ownDriverTarget("pack2", "source.target",
                "(adc=bench)"));
        assertEquals("(&(cellgate.pack=pack2)(cellgate.pack=*))", PackProperties.ownDriverTarget("pack2",
                "source.target", "(cellgate.pack=*)"));
        // Excluding another pack names no pack to use.
        assertEquals("(&(cellgate.pack=pack2)(!(cellgate.pack=pack1)))", PackProperties.ownDriverTarget("pack2",
                "outputs.target", "(!(cellgate.pack=pack1))"));
    }

    @Test
    void aTargetNamingAnotherPackAnywhereIsRefused() {
        for (String target : new String[] {"(cellgate.pack=pack1)", "( cellgate.pack = pack1 )",
            "(|(cellgate.pack=pack2)(cellgate.pack=pack1))", "(&(adc=bench)(cellgate.pack=pack1))"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> PackProperties.ownDriverTarget("pack2", "outputs.target", target), target);
            assertEquals("outputs.target=" + target + " chooses the drivers of pack pack1, and pack pack2 uses only "
                    + "its own: leave outputs.target out for (cellgate.pack=pack2), or narrow among them, e.g. "
                    + "(&(cellgate.pack=pack2)(name=value))", e.getMessage());
        }
    }
}
