package io.cellgate.driver.linux.iio;

import static io.cellgate.api.pack.CellStatus.OK;
import static io.cellgate.api.pack.CellStatus.OPEN_WIRE;
import static io.cellgate.api.pack.CellStatus.STALE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.pack.CellStatus;
import io.cellgate.api.pack.PackReading;
import io.cellgate.driver.linux.testing.FakeTree;
import io.cellgate.driver.linux.testing.TestLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.util.converter.Converters;

class IioCellSourceTest {

    /** ADS1115 at ±4.096 V: 0.125 mV per count. */
    static final double VOLTS_PER_COUNT = 0.000125;
    static final double RATIO = 5;

    @TempDir
    Path root;

    FakeTree tree;
    Path adc;
    final TestLog log = new TestLog();
    final PackReading reading = new PackReading(4);

    @BeforeEach
    void fourTapsOnAnAds1115() {
        tree = new FakeTree(root);
        adc = tree.iio(0, "ads1115", "soc/i2c-1/1-0048", 4, "0.125000000");
        setTaps(3.7, 7.4, 11.1, 14.8);
    }

    private Map<String, Object> config() {
        return tree.driverConfig("device", "ads1115", "channels", "0,1,2,3", "divider.ratios", "5");
    }

    private final java.util.List<IioCellSource> made = new java.util.ArrayList<>();

    private IioCellSource source(Map<String, Object> config) {
        IioCellSource s = new IioCellSource(Converters.standardConverter().convert(config).to(IioSourceConfig.class),
                log.logger());
        made.add(s);
        return s;
    }

    @org.junit.jupiter.api.AfterEach
    void stopTheReaders() {
        made.forEach(IioCellSource::deactivate);
    }

    private void setTaps(double... volts) {
        for (int k = 0; k < volts.length; k++) {
            setRaw(adc, k, volts[k] / RATIO);
        }
    }

    static void setRaw(Path device, int channel, double adcVolts) {
        FakeTree.write(device.resolve("in_voltage" + channel + "_raw"), Math.round(adcVolts / VOLTS_PER_COUNT) + "\n");
    }

    private void assertCells(PackReading r, Object... expected) {
        for (int c = 0; c < expected.length; c++) {
            if (expected[c] instanceof CellStatus s) {
                assertEquals(s, r.status(c), "cell " + (c + 1));
                assertTrue(Double.isNaN(r.volts(c)), "no made-up voltage for cell " + (c + 1));
            } else {
                assertEquals(OK, r.status(c), "cell " + (c + 1));
                assertEquals((double) expected[c], r.volts(c), 1e-9, "cell " + (c + 1));
            }
        }
    }

    @Test
    void stackedTapsBecomeCellVoltages() {
        setTaps(3.7, 7.55, 11.2, 14.9);
        IioCellSource s = source(config());
        assertEquals(4, s.cells());
        s.read(reading);
        assertCells(reading, 3.7, 3.85, 3.65, 3.7);
    }

    @Test
    void findsTheDeviceByNameLabelBusAddressOrNumber() {
        FakeTree.write(adc.resolve("label"), "taps-a\n");
        for (String id : new String[] {"ads1115", "taps-a", "1-0048", "iio:device0"}) {
            Map<String, Object> c = config();
            c.put("device", id);
            source(c).read(reading);
            assertCells(reading, 3.7, 3.7, 3.7, 3.7);
        }
    }

    @Test
    void usesEachChannelsRatioTheSharedScaleAndTheOffset() {
        Path dev = tree.iio(1, "mcp3204", "soc/spi0.0", 4, null); // shared in_voltage_scale 0.125
        FakeTree.write(dev.resolve("in_voltage1_offset"), "-100\n");
        double[] ratios = {2, 4, 6, 8};
        double[] taps = {3.6, 7.3, 11.1, 14.8}; // whole counts at each ratio: no rounding in the expectation
        for (int k = 0; k < 4; k++) {
            long raw = Math.round(taps[k] / ratios[k] / VOLTS_PER_COUNT) + (k == 1 ? 100 : 0);
            FakeTree.write(dev.resolve("in_voltage" + k + "_raw"), raw + "\n");
        }
        Map<String, Object> c = config();
        c.put("device", "spi0.0");
        c.put("divider.ratios", new String[] {"2", "4", "6,8"});
        source(c).read(reading);
        assertCells(reading, 3.6, 3.7, 3.8, 3.7);
    }

    @Test
    void directWiringOnDifferentialChannels() {
        Path dev = root.resolve("sys/bus/iio/devices/iio:device0");
        FakeTree.write(dev.resolve("in_voltage0-voltage1_raw"), "29600\n"); // 3.7 V at the pins
        FakeTree.write(dev.resolve("in_voltage2-voltage3_raw"), "-8\n");
        FakeTree.write(dev.resolve("in_voltage-voltage_scale"), "0.125000000\n");
        Map<String, Object> c = config();
        c.put("cells", 2);
        c.put("channels", "0-1, 2-3");
        c.put("divider.ratios", "1");
        c.put("wiring", "DIRECT");
        PackReading r = new PackReading(2);
        source(c).read(r);
        assertEquals(3.7, r.volts(0), 1e-9);
        assertEquals(OPEN_WIRE, r.status(1), "-1 mV is outside 0.5-5 V: an open cell wire");
    }

    @Test
    void channelsMaySpanDevices() {
        Path second = tree.iio(1, "ads1115", "soc/i2c-1/1-0049", 4, "0.125000000");
        setRaw(second, 0, 11.1 / RATIO);
        setRaw(second, 1, 14.8 / RATIO);
        Map<String, Object> c = config();
        c.put("device", "");
        c.put("channels", "1-0048/0, 1-0048/1, 1-0049/0, iio:device1/1");
        source(c).read(reading);
        assertCells(reading, 3.7, 3.7, 3.7, 3.7);
    }

    @Test
    void aMissingRawFileMakesBothCellsOfItsTapStaleUntilItIsBack() throws IOException {
        IioCellSource s = source(config());
        Path raw = adc.resolve("in_voltage1_raw");
        Files.delete(raw);
        s.read(reading);
        assertCells(reading, 3.7, STALE, STALE, 3.7);
        s.read(reading);
        assertEquals(1, log.matching("channel 2 (iio:device0 in_voltage1) unreadable").size(), "logged once");
        assertTrue(log.matching("unreadable").get(0).contains("cells 2 and 3 STALE"), log.lines().toString());
        setTaps(3.7, 7.4);
        s.read(reading);
        assertCells(reading, 3.7, 3.7, 3.7, 3.7);
        assertEquals(1, log.matching("channel 2 (iio:device0 in_voltage1) reads again").size());
    }

    @Test
    void anIoErrorIsStale() {
        IioCellSource s = source(config());
        FakeTree.replaceWithDirectory(adc.resolve("in_voltage2_raw"));
        s.read(reading);
        assertCells(reading, 3.7, 3.7, STALE, STALE);
        assertTrue(log.matching("unreadable").get(0).contains("directory"), log.lines().toString());
    }

    @Test
    void aReadThatBlocksMakesItsCellsStaleAfterTheDeadlineAndTheOthersGoOn() throws Exception {
        Map<String, Object> c = config();
        c.put("read.deadline.ms", 200L);
        c.put("cellgate.pack", "fifo-pack");
        IioCellSource s = source(c);
        s.read(reading);
        assertCells(reading, 3.7, 3.7, 3.7, 3.7);

        // A FIFO where tap 3's raw file was: opening it to read blocks until a writer comes, as a read does in an
        // I2C transfer that never ends.
        Path fifo = adc.resolve("in_voltage2_raw");
        Files.delete(fifo);
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        long start = System.nanoTime();
        s.read(reading);
        long firstMillis = (System.nanoTime() - start) / 1_000_000;
        assertCells(reading, 3.7, 3.7, STALE, STALE);
        assertTrue(firstMillis >= 200 && firstMillis < 2_000, firstMillis + " ms: the deadline, not forever");
        assertEquals(1, log.matching("channel 3 (iio:device0 in_voltage2) unreadable: no answer within 200 ms "
                + "(read.deadline.ms); cells 3 and 4 STALE").size(), log.lines().toString());

        // The next ticks read the other channels on a fresh reader, without waiting for the blocked one.
        setRaw(adc, 0, 3.6 / RATIO); // not setTaps: writing the FIFO would let the blocked read return
        setRaw(adc, 1, 7.3 / RATIO);
        setRaw(adc, 3, 14.9 / RATIO);
        long worst = 0;
        for (int i = 0; i < 5; i++) {
            start = System.nanoTime();
            s.read(reading);
            worst = Math.max(worst, (System.nanoTime() - start) / 1_000_000);
        }
        assertCells(reading, 3.6, 3.7, STALE, STALE);
        assertTrue(worst < 200, worst + " ms: the blocked channel is skipped, no tick waits for it");
        assertEquals(2, readers("cellgate-iio-fifo-pack"), "the blocked reader and its replacement");
        System.out.printf("IioCellSource over a blocking channel: first tick %d ms (deadline 200 ms), then at most "
                + "%d ms%n", firstMillis, worst);

        // The blocked read returns (a writer comes): the channel is read again.
        try (var w = java.nio.channels.FileChannel.open(fifo, java.nio.file.StandardOpenOption.WRITE)) {
            w.write(java.nio.ByteBuffer.wrap("88800\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        }
        Files.delete(fifo);
        setTaps(3.6, 7.3, 11.1, 14.9);
        long end = System.nanoTime() + 5_000_000_000L;
        do {
            s.read(reading);
        } while (reading.status(2) != OK && System.nanoTime() < end);
        assertCells(reading, 3.6, 3.7, 3.8, 3.8);
        assertEquals(1, log.matching("channel 3 (iio:device0 in_voltage2) reads again").size());

        s.deactivate();
        end = System.nanoTime() + 5_000_000_000L;
        while (readers("cellgate-iio-fifo-pack") > 0 && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        assertEquals(0, readers("cellgate-iio-fifo-pack"), "no reader thread outlives the component");
    }

    /** Live threads whose name starts with {@code prefix}. */
    private static long readers(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(prefix)).count();
    }

    @Test
    void garbageIsStale() {
        IioCellSource s = source(config());
        FakeTree.write(adc.resolve("in_voltage0_raw"), "hello\n");
        FakeTree.write(adc.resolve("in_voltage3_raw"), "");
        s.read(reading);
        assertCells(reading, STALE, STALE, 3.7, STALE);
    }

    @Test
    void aTapOutsideItsPhysicalRangeIsAnOpenWireOnBothCellsItJoins() {
        IioCellSource s = source(config());
        setTaps(3.7, 0.0);  // tap 2 reads 0 V: at least 2 x 0.5 V
        s.read(reading);
        assertCells(reading, 3.7, OPEN_WIRE, OPEN_WIRE, 3.7);
        assertTrue(log.matching("channel 2").get(0).contains("reads 0.000 V, outside 1.0-10.0 V: cells 2 and 3 "
                + "OPEN_WIRE"), log.lines().toString());
        setTaps(5.5, 7.4, 11.1, 25.0); // tap 1 above 5 V, tap 4 above 20 V
        s.read(reading);
        assertCells(reading, OPEN_WIRE, OPEN_WIRE, 3.7, OPEN_WIRE);
    }

    @Test
    void anOpenWireWinsOverAStaleNeighbour() {
        IioCellSource s = source(config());
        setTaps(3.7, 30.0);
        FakeTree.write(adc.resolve("in_voltage0_raw"), "x");
        s.read(reading);
        assertCells(reading, STALE, OPEN_WIRE, OPEN_WIRE, 3.7);
    }

    @Test
    void directWiringMarksOnlyTheCellItself() {
        Map<String, Object> c = config();
        c.put("wiring", "direct");
        setTaps(3.7, 3.8, 0.1, 3.6);
        IioCellSource s = source(c);
        s.read(reading);
        assertCells(reading, 3.7, 3.8, OPEN_WIRE, 3.6);
    }

    @Test
    void badConfigurationsAreRefusedAtActivationNamingTheProblem() throws IOException {
        tree.iio(1, "ads1115", "soc/i2c-1/1-0049", 4, "0.125000000");
        Object[][] cases = {
                {"device", "nope", "IIO device 'nope' not found under " + root.resolve("sys/bus/iio/devices")
                        + "; present: iio:device0 (ads1115 at 1-0048), iio:device1 (ads1115 at 1-0049)"},
                {"device", "ads1115", "IIO device 'ads1115' is ambiguous"},
                {"channels", "0,1,2", "channels lists 3 items but 4 are needed"},
                {"channels", "0,1,1,3", "channels lists '1' twice"},
                {"channels", "1-0048/0,1-0048/1,1-0048/2,1-0048/7", "has no channel 7: no in_voltage7_raw"},
                {"channels", "1-0048/0,1-0048/1,1-0048/2,1-0048/x", "channel 'x' of iio:device0: expected a number"},
                {"channels", "1-0049/0,1-0049/1,1-0049/2,3", "channel '3' names no device"},
                {"wiring", "diagonal", "wiring 'diagonal' is unknown: expected stacked or direct"},
                {"divider.ratios", "5,5", "divider.ratios lists 2 values but 4 are needed (or one for all)"},
                {"divider.ratios", "-1", "divider.ratios: -1 is out of range"},
                {"divider.ratios", "five", "divider.ratios: 'five' is not a number"},
                {"sysfs.root", "/no/such/root", "sysfs.root=/no/such/root: no such directory"},
                {"cellgate.pack", "", "cellgate.pack is missing"},
                {"cells", 49, "cells=49 is out of range: a pack has 2 to 48 cells"},
                {"cell.max.volts", 7.0, "cell.max.volts=7.0 are out of range"},
        };
        for (Object[] c : cases) {
            Map<String, Object> config = config();
            config.put((String) c[0], c[1]);
            if (c[0].equals("channels") && ((String) c[1]).contains("/")) {
                config.put("device", "");
            }
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> source(config),
                    c[0] + "=" + c[1]);
            assertTrue(e.getMessage().contains((String) c[2]), c[0] + "=" + c[1] + ": " + e.getMessage());
            assertEquals(1, log.matching("configuration refused: " + e.getMessage()).size(), "logged: " + c[2]);
        }
        Map<String, Object> config = config();
        config.put("device", "1-0048");
        FakeTree.write(adc.resolve("in_voltage2_scale"), "oops\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> source(config)).getMessage()
                .contains("iio:device0 in_voltage2: " + adc.resolve("in_voltage2_scale") + ": not a number: 'oops"));
        Files.delete(adc.resolve("in_voltage2_scale"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> source(config)).getMessage()
                .contains("neither in_voltage2_scale nor in_voltage_scale"));
    }

    @Test
    void aTwentyCellReadAllocatesOnlyWhatOpeningTheFilesTakes() {
        Path[] adcs = new Path[5];
        StringBuilder channels = new StringBuilder();
        for (int d = 0; d < 5; d++) {
            adcs[d] = tree.iio(10 + d, "ads1115", "soc/i2c-3/3-004" + d, 4, "0.125000000");
            for (int m = 0; m < 4; m++) {
                setRaw(adcs[d], m, (4 * d + m + 1) * 3.7 / 25);
                channels.append(channels.length() == 0 ? "" : ",").append("3-004").append(d).append('/').append(m);
            }
        }
        Map<String, Object> c = config();
        c.put("cells", 20);
        c.put("channels", channels.toString());
        c.put("divider.ratios", "25");
        IioCellSource s = source(c);
        PackReading r = new PackReading(20);
        var bean = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 2000; i++) {
            s.read(r);
        }
        // The reads run on the source's reader thread: count what the tick's thread and that one allocate.
        long[] ids = {Thread.currentThread().getId(), s.readerThread().getId()};
        long before = java.util.Arrays.stream(bean.getThreadAllocatedBytes(ids)).sum();
        long start = System.nanoTime();
        int n = 2000;
        for (int i = 0; i < n; i++) {
            s.read(r);
        }
        long micros = (System.nanoTime() - start) / 1000 / n;
        long perRead = (java.util.Arrays.stream(bean.getThreadAllocatedBytes(ids)).sum() - before) / n;
        System.out.println("IioCellSource 20 channels: " + perRead + " bytes allocated and " + micros
                + " us per read, on its reader thread (tmpfs-like test tree)");
        for (int cell = 0; cell < 20; cell++) {
            assertEquals(3.7, r.volts(cell), 0.003, "cell " + (cell + 1));
        }
        assertTrue(perRead < 40_000, perRead + " bytes per read");
    }

    /** An INA226 on the ina2xx-adc driver: in_current3_raw counts of 1.25 mA with a 2 mOhm shunt, say. */
    private Path ina226(String raw) {
        Path dev = tree.iio(5, "ina226", "soc/i2c-1/1-0040", 2, "0.002500000");
        FakeTree.write(dev.resolve("in_current3_raw"), raw + "\n");
        FakeTree.write(dev.resolve("in_current3_scale"), "1.250000000\n");
        return dev;
    }

    @Test
    void withoutACurrentChannelThePackCurrentStaysUnmeasured() {
        reading.setPackAmps(Double.NaN);
        source(config()).read(reading);
        assertTrue(Double.isNaN(reading.packAmps()));
        assertTrue(log.matching("pack current: none (current.channel not set)").size() == 1, log.lines().toString());
    }

    @Test
    void aShuntMonitorsCurrentChannelGivesThePackCurrentChargePositive() {
        Path ina = ina226("8000");
        Map<String, Object> c = config();
        c.put("current.channel", "ina226/current3");
        IioCellSource s = source(c);
        s.read(reading);
        assertEquals(10.0, reading.packAmps(), 1e-9, "8000 counts of 1.25 mA");
        assertCells(reading, 3.7, 3.7, 3.7, 3.7);
        FakeTree.write(ina.resolve("in_current3_raw"), "-2400\n");
        s.read(reading);
        assertEquals(-3.0, reading.packAmps(), 1e-9, "discharge is negative");

        c.put("current.invert", true);
        IioCellSource inverted = source(c);
        inverted.read(reading);
        assertEquals(3.0, reading.packAmps(), 1e-9, "a shunt wired the other way, inverted");
        assertEquals(1, log.matching("pack current: iio:device5 in_current3, inverted, at most 1000.0 A").size(),
                log.lines().toString());
    }

    @Test
    void aVoltageAcrossTheShuntIsDividedByItsResistance() {
        Path shunt = tree.iio(6, "ads1115-shunt", "soc/i2c-1/1-004a", 0, "0.007812500");
        FakeTree.write(shunt.resolve("in_voltage0-voltage1_raw"), "-6400\n"); // -50 mV
        FakeTree.write(shunt.resolve("in_voltage0-voltage1_scale"), "0.007812500\n");
        Map<String, Object> c = config();
        c.put("current.channel", "1-004a/0-1");
        c.put("current.shunt.milliohms", 0.5);
        source(c).read(reading);
        assertEquals(-100.0, reading.packAmps(), 1e-9, "-50 mV across 0.5 mOhm");
    }

    @Test
    void aCurrentThatFailsOrReadsBeyondItsLimitIsNaNLoggedOnceAndTheCellsGoOn() throws IOException {
        Path ina = ina226("8000");
        Map<String, Object> c = config();
        c.put("current.channel", "ina226/current3");
        c.put("current.max.amps", 50.0);
        IioCellSource s = source(c);
        FakeTree.write(ina.resolve("in_current3_raw"), "80000\n"); // 100 A
        s.read(reading);
        s.read(reading);
        assertTrue(Double.isNaN(reading.packAmps()));
        assertCells(reading, 3.7, 3.7, 3.7, 3.7);
        assertEquals(1, log.matching("pack current (iio:device5 in_current3) reads 100.000 A, beyond 50.0 A "
                + "(current.max.amps); no pack current").size(), log.lines().toString());
        Files.delete(ina.resolve("in_current3_raw"));
        s.read(reading);
        s.read(reading);
        assertTrue(Double.isNaN(reading.packAmps()));
        assertCells(reading, 3.7, 3.7, 3.7, 3.7);
        assertEquals(1, log.matching("pack current (iio:device5 in_current3) unreadable").size(),
                log.lines().toString());
        FakeTree.write(ina.resolve("in_current3_raw"), "-800\n");
        s.read(reading);
        assertEquals(-1.0, reading.packAmps(), 1e-9);
        assertEquals(1, log.matching("pack current (iio:device5 in_current3) reads again").size());
    }

    @Test
    void badCurrentConfigurationsAreRefusedNamingTheProblem() {
        ina226("0");
        Object[][] cases = {
                {"current.channel", "ina226/current9", "has no channel current9: no in_current9_raw"},
                {"current.channel", "ina226/amps", "current channel 'amps' of iio:device5: expected currentM"},
                {"current.channel", "ina226/0", "is a voltage across the shunt: set current.shunt.milliohms"},
                {"current.channel", "nope/current3", "IIO device 'nope' not found"},
                {"current.shunt.milliohms", -1.0, "current.shunt.milliohms=-1.0 is out of range"},
                {"current.max.amps", 0.0, "current.max.amps=0.0 is out of range"},
        };
        for (Object[] k : cases) {
            Map<String, Object> config = config();
            config.put("current.channel", "ina226/current3");
            config.put((String) k[0], k[1]);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> source(config),
                    k[0] + "=" + k[1]);
            assertTrue(e.getMessage().contains((String) k[2]), k[0] + "=" + k[1] + ": " + e.getMessage());
            assertEquals(1, log.matching("configuration refused: " + e.getMessage()).size(), "logged: " + k[2]);
        }
    }
}
