package io.cellgate.pack.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigRetryTest {

    @Test
    void theFilesNoConfigurationCameFromAreTheOnesOfferedAgain(@TempDir Path config) throws IOException {
        Path applied = Files.writeString(config.resolve("io.cellgate.pack-pack1.cfg"), "pack.id=pack1\n");
        Path failed = Files.writeString(config.resolve("io.cellgate.balancer.ek.variant-full.cfg"), "variant=full\n");
        Files.writeString(config.resolve("notes.txt"), "not a configuration");
        Files.createDirectories(config.resolve("hardware")).resolve("x.cfg");
        assertEquals(List.of(failed), ConfigRetry.notApplied(config, Set.of(applied.toAbsolutePath())));
    }
}
