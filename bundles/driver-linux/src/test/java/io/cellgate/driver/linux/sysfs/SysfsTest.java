package io.cellgate.driver.linux.sysfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.driver.linux.testing.FakeTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SysfsTest {

    @TempDir
    Path dir;

    private final Sysfs sysfs = new Sysfs();

    private Path file(String text) {
        Path f = dir.resolve("attr");
        FakeTree.write(f, text);
        return f;
    }

    @Test
    void readsTheIntegersSysfsPrints() throws IOException {
        String[] texts = {"1234\n", "-12\n", "+7", "  42  \n", "0", "32767\n\u0000", "9223372036854775807"};
        long[] values = {1234, -12, 7, 42, 0, 32767, Long.MAX_VALUE};
        for (int i = 0; i < texts.length; i++) {
            assertEquals(values[i], sysfs.readLong(file(texts[i])), texts[i]);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n", "-", "12a", "1.5", "1e3", "--1", "0x10", "9223372036854775808", "12 13"})
    void refusesGarbageAsAnInteger(String text) {
        SysfsFormatException e = assertThrows(SysfsFormatException.class, () -> sysfs.readLong(file(text)));
        assertTrue(e.getMessage().contains("not a number"), e.getMessage());
    }

    @Test
    void readsTheDecimalsIioPrints() throws IOException {
        String[] texts = {"0.125000000\n", "0.805664062", "3", "-1.5", ".5", "5.", "0.000030517578125000",
                "1000.000000001", "0.0000000000000000000001"};
        double[] values = {0.125, 0.805664062, 3, -1.5, 0.5, 5, 0.000030517578125, 1000.000000001, 0};
        for (int i = 0; i < texts.length; i++) {
            assertEquals(values[i], sysfs.readDecimal(file(texts[i])), 1e-15, texts[i]);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "1.2.3", "1,5", "nan", "1e-3", "1234567890123456789"})
    void refusesGarbageAsADecimal(String text) {
        assertThrows(SysfsFormatException.class, () -> sysfs.readDecimal(file(text)));
    }

    @Test
    void refusesAValueLongerThanAnyNumber() {
        assertThrows(SysfsFormatException.class, () -> sysfs.readLong(file("1".repeat(100))));
    }

    @Test
    void aMissingFileAndADirectoryAreIoErrors() {
        assertThrows(NoSuchFileException.class, () -> sysfs.readLong(dir.resolve("gone")));
        Path d = file("1");
        FakeTree.replaceWithDirectory(d);
        IOException e = assertThrows(IOException.class, () -> sysfs.readLong(d));
        assertTrue(e.getMessage().contains("directory"), e.getMessage());
    }

    @Test
    void writesOneWholeValueAndNeverCreatesAnAttribute() throws IOException {
        Path f = file("1000000\n");
        sysfs.writeLong(f, 250);
        assertEquals("250", Files.readString(f), "a shorter value replaces a longer one entirely");
        sysfs.writeLong(f, -42);
        assertEquals("-42", Files.readString(f));
        sysfs.writeLong(f, Long.MAX_VALUE);
        assertEquals(Long.toString(Long.MAX_VALUE), Files.readString(f));
        sysfs.write(f, new byte[] {'t', 'i', 'm', 'e', 'r'});
        assertEquals("timer", Files.readString(f));
        assertThrows(NoSuchFileException.class, () -> sysfs.writeLong(dir.resolve("absent"), 1));
    }

    @Test
    void aNumericReadAllocatesNoMoreThanOpeningTheFile() throws IOException {
        Path f = file("12345\n");
        var bean = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 20_000; i++) {
            sysfs.readLong(f); // warm up
        }
        long before = bean.getThreadAllocatedBytes(Thread.currentThread().getId());
        int n = 10_000;
        for (int i = 0; i < n; i++) {
            sysfs.readLong(f);
        }
        long perRead = (bean.getThreadAllocatedBytes(Thread.currentThread().getId()) - before) / n;
        System.out.println("Sysfs.readLong: " + perRead + " bytes allocated per read (the FileChannel of the open)");
        assertTrue(perRead < 2048, perRead + " bytes per read");
    }
}
