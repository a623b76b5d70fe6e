package io.cellgate.pack.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.service.cm.ConfigurationAdmin;

class PackIdsTest {

    /** The filters Config Admin was asked to list: a redelivery looks its configuration up by PID. */
    private final List<Object> listed = new ArrayList<>();
    private final PackIds ids = new PackIds((ConfigurationAdmin) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {ConfigurationAdmin.class}, (proxy, method, args) -> {
                if (method.getName().equals("listConfigurations")) {
                    listed.add(args[0]);
                }
                return null; // gone meanwhile: nothing to redeliver
            }), null);
    private final PackIds.Claimant first = PackIds.claimant(Map.of("service.pid", "io.cellgate.pack~a",
            "felix.fileinstall.filename", "file:/gw/config/io.cellgate.pack-pack2.cfg"));
    private final PackIds.Claimant second = PackIds.claimant(Map.of("service.pid", "io.cellgate.pack~b",
            "felix.fileinstall.filename", "file:/gw/config/io.cellgate.pack-copy.cfg"));

    @Test
    void aSecondConfigurationOfATakenIdIsRefusedNamingBothFiles() {
        ids.claim("pack2", first);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ids.claim("pack2", second));
        assertEquals("pack.id=pack2 of io.cellgate.pack-copy.cfg is taken by io.cellgate.pack-pack2.cfg: give one "
                + "of them another pack.id; this one runs nothing until then", e.getMessage());
    }

    @Test
    void theHolderMayClaimItsIdAgainAndAnotherIdIsFree() {
        ids.claim("pack2", first);
        ids.claim("pack2", first);
        ids.claim("pack3", second);
    }

    @Test
    void aReleasedIdGoesToTheConfigurationRefusedForItAndOnlyItsHolderReleasesIt() {
        ids.claim("pack2", first);
        ids.release("pack2", second); // not the holder: nothing changes
        assertThrows(IllegalArgumentException.class, () -> ids.claim("pack2", second));
        assertEquals(List.of(), listed);
        ids.release("pack2", first);
        assertEquals(List.of("(service.pid=io.cellgate.pack~b)"), listed, "the refused configuration redelivered");
        ids.claim("pack2", second);
    }

    @Test
    void aConfigurationMadeInConfigAdminIsNamedByItsPid() {
        PackIds.Claimant c = PackIds.claimant(Map.of("service.pid", "io.cellgate.pack~x"));
        assertEquals("configuration io.cellgate.pack~x (made in Config Admin)", c.source());
    }
}
