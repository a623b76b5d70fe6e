package io.cellgate.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackConfigurationsTest {

    @TempDir
    Path dir;

    @Test
    void rewritingAPropertyKeepsTheFilesModeOwnerAndComments() throws Exception {
        Path file = dir.resolve("io.cellgate.pack-pack1.cfg");
        Files.write(file, List.of("# the default pack", "pack.id=pack1", "balancer.target=(cellgate.model=A)"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Object owner = Files.getOwner(file);

        PackConfigurations.writeProperty(file, "balancer.target", "(cellgate.model=B)");

        assertEquals(List.of("# the default pack", "pack.id=pack1", "balancer.target=(cellgate.model=B)"),
                Files.readAllLines(file));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(owner, Files.getOwner(file));
        assertNoTemporaryFileLeft();
    }

    private void assertNoTemporaryFileLeft() throws Exception {
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList());
        }
    }

    @Test
    void aPropertyTheFileLacksIsAppendedAndAStricterModeStaysStrict() throws Exception {
        Path file = dir.resolve("io.cellgate.pack-pack2.cfg");
        Files.write(file, List.of("pack.id=pack2"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

        PackConfigurations.writeProperty(file, "tick.ms", "200");

        assertEquals(List.of("pack.id=pack2", "tick.ms=200"), Files.readAllLines(file));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertNoTemporaryFileLeft();
    }
}
