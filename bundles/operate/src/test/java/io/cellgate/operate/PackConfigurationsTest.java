package io.cellgate.operate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.felix.fileinstall.shaded.util.properties.TypedProperties;
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

        List<String> lines = Files.readAllLines(file);
        assertEquals(List.of("# the default pack", "pack.id=pack1"), lines.subList(0, 2));
        assertEquals(Map.of("pack.id", "pack1", "balancer.target", "(cellgate.model=B)"), readAsFileInstall(file));
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

        assertEquals(Map.of("pack.id", "pack2", "tick.ms", "200"), readAsFileInstall(file));
        assertEquals("pack.id=pack2", Files.readAllLines(file).get(0));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertNoTemporaryFileLeft();
    }

    /** The case: a trailing backslash once swallowed the next line, and with it the pack's outputs target. */
    @Test
    void backslashesLineBreaksEqualsAndBracesReadBackAsWrittenAndSwallowNothing() throws Exception {
        Path file = dir.resolve("io.cellgate.pack-pack2.cfg");
        Files.write(file, List.of("pack.id=pack2", "source.target=(cellgate.pack=pack2)",
                "outputs.target=(cellgate.pack=pack2)", "name=${gateway}"));
        List<String> values = List.of("(cellgate.pack=pack2)\\", "a\\\\b = c\nnext.line=x", "${not.a.variable}",
                "\\{}\\", "tab\tand é");
        for (String value : values) {
            PackConfigurations.writeProperty(file, "source.target", value);

            Map<String, String> read = readAsFileInstall(file);
            assertEquals(value, read.get("source.target"));
            assertEquals("(cellgate.pack=pack2)", read.get("outputs.target"), "the next line survives");
            assertEquals("from the framework", read.get("name"), "an operator's variable stays one");
            assertEquals(4, read.size(), () -> "no line added or lost: " + read);
        }
    }

    /** Reads a .cfg file as FileInstall does: its copy of Felix's reader, with ${…} substituted. */
    private static Map<String, String> readAsFileInstall(Path file) throws Exception {
        TypedProperties p = new TypedProperties((name, key, value) -> "from the framework");
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        Map<String, String> m = new TreeMap<>();
        p.forEach((k, v) -> m.put(k, String.valueOf(v)));
        return m;
    }
}
