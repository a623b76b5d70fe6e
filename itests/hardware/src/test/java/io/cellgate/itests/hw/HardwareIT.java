package io.cellgate.itests.hw;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import io.cellgate.api.balancer.PairDirection;
import io.cellgate.api.pack.CellStatus;
import io.cellgate.api.pack.PackHealth;
import io.cellgate.api.runtime.Pack;
import io.cellgate.api.telemetry.PackView;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogReaderService;

/**
 * gateway-hw's bundle set in a real Felix, running the shipped config/hardware against a fake sysfs tree: counts
 * written into *_raw files become cells, the EK-L20S1A decides, and the PWM duties, switch lines and LEDs of the
 * tree show the decision.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
// One framework for all: the end-to-end run comes before the exporters' one, each installing and removing its files.
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class HardwareIT {

    static final long TIMEOUT_MS = 15_000;
    static final int CELLS = 20;
    /** The shipped calibration: (4 % + 60 %/A x 1 A) of 1 ms. */
    static final String DUTY_AT_1_AMP = "640000";

    @Configuration
    public Option[] config() {
        return HardwareOptions.hardware();
    }

    @Test
    public void aFailedPwmWriteTurnsEveryOutputOffAndFlashesEveryLedOnTheHardware() throws Exception {
        double[] cells = cell7High();
        FakeSysfs tree = fakeTree("failed-pwm-tree", cells);
        Path watched = installShipped(tree, HardwareOptions.freePort());
        Pack pack = awaitPack("pack1");
        await("pair 7 balancing and cell 7 lit", () -> balancing(pack, 2)
                && tree.pwm(6, "duty_cycle").equals(DUTY_AT_1_AMP) && tree.cellLed(6, "brightness").equals("255"),
                () -> describe(pack));

        // Pair 6's duty_cycle fails from now on (writing a directory fails, as an I2C error would); cell 6 high
        // instead of cell 7 turns pair 6 round, so the next tick writes its duty.
        Path duty = tree.root().resolve("sys/class/pwm/pwmchip2/pwm5/duty_cycle");
        Files.delete(duty);
        Files.createDirectory(duty);
        cells[6] = 3.70;
        cells[5] = 3.85;
        tree.setCells(cells);
        await("pack1 to report the failed output", () -> pack.latest().health() == PackHealth.OUTPUT_FAILED,
                () -> describe(pack));
        // On the hardware, not only in telemetry: every pair off, every LED on the fail-safe pattern.
        await("every LED flashing and every pair off", () -> {
            for (int c = 0; c < CELLS; c++) {
                if (!tree.cellLed(c, "trigger").equals("timer")) {
                    return false;
                }
            }
            for (int k = 0; k < CELLS - 1; k++) {
                if (!tree.pwm(k, "enable").equals("0") || !tree.switchLine(k, true).equals("0")
                        || !tree.switchLine(k, false).equals("0")) {
                    return false;
                }
            }
            return true;
        }, () -> describe(pack));
        Map<Integer, String[]> rows = cellRows(shell("cellgate:cells pack1"));
        assertEquals("FLASHING", rows.get(7)[2]);

        Files.delete(duty);
        FakeSysfs.write(duty, "0\n");
        await("balancing and lit again once the channel works", () -> balancing(pack, 2)
                && tree.switchLine(5, true).equals("1") && tree.pwm(5, "duty_cycle").equals(DUTY_AT_1_AMP)
                && tree.cellLed(5, "trigger").equals("none") && tree.cellLed(5, "brightness").equals("255"),
                () -> describe(pack));

        removeConfiguration(watched);
    }

    @Test
    public void everyBundleStartsAndJnaResolves() throws Exception {
        for (Bundle b : context().getBundles()) {
            boolean fragment = (b.adapt(BundleRevision.class).getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
            // JNA activates lazily (Bundle-ActivationPolicy: lazy): STARTING until a class of it is loaded.
            assertTrue(b.getSymbolicName() + " is in state " + b.getState(), fragment
                    || b.getState() == Bundle.ACTIVE || b.getState() == Bundle.STARTING);
        }
        assertNotNull(bundle("io.cellgate.driver.linux"));
        assertNotNull(bundle("com.sun.jna"));
        assertTrue(bundle("io.cellgate.driver.linux").adapt(org.osgi.framework.wiring.BundleWiring.class)
                .getRequiredWires("osgi.wiring.package").stream()
                .anyMatch(w -> w.getProvider().getBundle().getSymbolicName().equals("com.sun.jna")));
    }

    @Test
    public void theShippedHardwareConfigurationRunsEndToEnd() throws Exception {
        double[] cells = cell7High();
        FakeSysfs tree = fakeTree("tree", cells);
        assertEquals(CELLS, tree.cells());
        // The shipped exporters and plugin folder too, on a free port and in the test's own folder.
        Path watched = installShipped(tree, HardwareOptions.freePort());

        Pack pack = awaitPack("pack1");
        await("pack1 to balance cell 7 into cells 6 and 8", () -> balancing(pack, 2), () -> describe(pack));
        PackView d = pack.latest();
        assertEquals(PairDirection.UPPER_TO_LOWER, d.direction(5));
        assertEquals(PairDirection.LOWER_TO_UPPER, d.direction(6));
        // The LED component may bind a tick after the balance outputs: wait for both, then check every line.
        await("the outputs to follow", () -> tree.pwm(6, "duty_cycle").equals(DUTY_AT_1_AMP)
                && tree.cellLed(6, "brightness").equals("255"));
        for (int k = 0; k < CELLS - 1; k++) {
            boolean on = k == 5 || k == 6;
            assertEquals("pair " + (k + 1) + " period", "1000000", tree.pwm(k, "period"));
            assertEquals("pair " + (k + 1) + " duty", on ? DUTY_AT_1_AMP : "0", tree.pwm(k, "duty_cycle"));
            assertEquals("pair " + (k + 1) + " enable", on ? "1" : "0", tree.pwm(k, "enable"));
            assertEquals("pair " + (k + 1) + " up", k == 6 ? "1" : "0", tree.switchLine(k, true));
            assertEquals("pair " + (k + 1) + " down", k == 5 ? "1" : "0", tree.switchLine(k, false));
        }
        for (int c = 0; c < CELLS; c++) {
            assertEquals("cell " + (c + 1) + " LED", c >= 5 && c <= 7 ? "255" : "0", tree.cellLed(c, "brightness"));
            assertEquals("none", tree.cellLed(c, "trigger"));
        }

        // The operator sees the voltages written into the tree.
        Map<Integer, String[]> rows = cellRows(shell("cellgate:cells pack1"));
        assertEquals(CELLS, rows.size());
        for (int c = 0; c < CELLS; c++) {
            double shown = Double.parseDouble(rows.get(c + 1)[0]);
            assertEquals("cell " + (c + 1), tree.cellVolts(c), shown, 0.00005 + 1e-9);
            assertEquals("cell " + (c + 1), cells[c], shown, 0.004); // the ADC's count at the tap, divided
            assertEquals("OK", rows.get(c + 1)[1]);
        }

        // Tap 7 pulled to 0 V: its sense wire is open. Cells 7 and 8 flash on the kernel's timer.
        tree.writeRaw(6, "0");
        await("cells 7 and 8 to show an open wire", () -> status(pack, 6) == CellStatus.OPEN_WIRE
                && status(pack, 7) == CellStatus.OPEN_WIRE, () -> describe(pack));
        await("LEDs 7 and 8 to flash", () -> tree.cellLed(6, "trigger").equals("timer")
                && tree.cellLed(7, "trigger").equals("timer"));
        assertEquals("250", tree.cellLed(6, "delay_on"));
        assertEquals("250", tree.cellLed(7, "delay_off"));
        await("pairs 6, 7 and 8 to stop", () -> Stream.of(5, 6, 7).allMatch(k -> tree.pwm(k, "enable").equals("0")
                && tree.switchLine(k, true).equals("0") && tree.switchLine(k, false).equals("0")));
        rows = cellRows(shell("cellgate:cells pack1"));
        assertEquals("no voltage across an open wire, shown as a dash", "\u2014", rows.get(7)[0]);
        assertEquals("OPEN_WIRE", rows.get(7)[1]);
        assertEquals("FLASHING", rows.get(8)[2]);

        // Tap 12 unreadable (a directory where the file was: the read fails as an I/O error would): cells 12, 13 stale.
        tree.setCells(cells);
        Path raw = tree.raw(11);
        Files.delete(raw);
        Files.createDirectory(raw);
        await("cells 12 and 13 to be stale", () -> status(pack, 11) == CellStatus.STALE
                && status(pack, 12) == CellStatus.STALE && status(pack, 6) == CellStatus.OK, () -> describe(pack));
        await("LEDs 12 and 13 to flash, 7 and 8 no more", () -> tree.cellLed(11, "trigger").equals("timer")
                && tree.cellLed(12, "trigger").equals("timer") && tree.cellLed(6, "trigger").equals("none"));
        Files.delete(raw);
        tree.setCells(cells);
        await("balancing again", () -> balancing(pack, 2) && tree.pwm(5, "duty_cycle").equals(DUTY_AT_1_AMP),
                () -> describe(pack));

        // Stopping the driver bundle turns every output off; starting it brings the pack back.
        Bundle drivers = bundle("io.cellgate.driver.linux");
        drivers.stop();
        assertAllOff(tree);
        await("pack1 without a source", () -> pack.latest().health() == PackHealth.NO_SOURCE);
        drivers.start();
        await("balancing and lit after the restart", () -> balancing(pack, 2) && tree.switchLine(6, true).equals("1")
                && tree.cellLed(6, "brightness").equals("255"), () -> describe(pack));

        // Removing the files removes the pack and the drivers, every output off.
        removeConfiguration(watched);
        await("every output off", () -> {
            try {
                assertAllOff(tree);
                return true;
            } catch (AssertionError e) {
                return false;
            }
        });
    }

    @Test
    public void theShippedPluginFolderModelsAndExportersRunOnHardware() throws Exception {
        FakeSysfs tree = fakeTree("telemetry-tree", cell7High());
        int port = HardwareOptions.freePort();
        Path deploy = pluginFolder();
        // The shipped file's commented INA226 shunt monitor, switched on; it reads a 12.5 A discharge.
        tree.setPackAmps(-12.5);
        Path watched = installShipped(tree, port, Map.of("current.channel", "1-0040/current3"));

        // Prometheus over HTTP, on the port of config/hardware/org.apache.felix.http.cfg, from the fake tree.
        Pack pack = awaitPack("pack1");
        await("pack1 to balance", () -> balancing(pack, 2), () -> describe(pack));
        await("the pack current from the shunt", () -> pack.latest().packAmps() == -12.5, () -> describe(pack));
        await("the pack current on /metrics",
                () -> scrape(port).contains("cellgate_pack_current_amperes{pack=\"pack1\",} -12.5")
                        || scrape(port).contains("cellgate_pack_current_amperes{pack=\"pack1\"} -12.5"));
        await("/metrics on port " + port,
                () -> scrape(port).contains("cellgate_cell_voltage_volts{pack=\"pack1\",cell=\"7\""));
        Matcher cell7 = Pattern.compile("cellgate_cell_voltage_volts\\{pack=\"pack1\",cell=\"7\",?} (\\S+)")
                .matcher(scrape(port));
        assertTrue(cell7.find());
        assertEquals(tree.cellVolts(6), Double.parseDouble(cell7.group(1)), 0.0005);

        // The web console on the same port: the same pack, its cell 7 as the tree has it.
        await("the web console's /api/packs/pack1", () -> get(port, "/api/packs/pack1").contains("\"cells\":["));
        com.google.gson.JsonObject console = com.google.gson.JsonParser.parseString(get(port, "/api/packs/pack1"))
                .getAsJsonObject().getAsJsonObject("latest");
        assertEquals(CELLS, console.getAsJsonArray("cells").size());
        assertEquals(tree.cellVolts(6), console.getAsJsonArray("cells").get(6).getAsJsonObject().get("volts")
                .getAsDouble(), 0.0005);
        assertTrue(get(port, "/").contains("<title>Cellgate"));

        // MQTT and the CSV recorder run as in the simulated gateway (no broker here: the exporter retries quietly).
        // Its health service, not its start-up line: that one is INFO, and the log may still be at WARN then
        // (config/hardware's log level arrives through FileInstall with the exporter's own file).
        await("the MQTT exporter to start", () -> context().getServiceReference(
                io.cellgate.api.runtime.ExporterHealth.class) != null && exporters().contains(
                "mqtt tcp://127.0.0.1:1883"));
        assertEquals(Bundle.ACTIVE, bundle("io.cellgate.export.file").getState());

        // The three board models.
        String models = shell("cellgate:models");
        for (String model : new String[] {"EK-L20S1A", "AEQ-1.2A", "PASSIVE-BLEED"}) {
            assertTrue(model + " in\n" + models, models.contains(model));
        }

        // The plugin folder: made when configured, and a bundle dropped into it is installed and logged.
        await("deploy/ to be made", () -> Files.isDirectory(deploy));
        Path jar = deploy.resolve("plugin.jar");
        writeBundle(HardwareOptions.work().resolve("plugin.jar"), "io.cellgate.itests.hw.plugin", "2.1.0");
        Files.move(HardwareOptions.work().resolve("plugin.jar"), jar, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        await("the plugin to be installed and logged", () -> bundle("io.cellgate.itests.hw.plugin") != null
                && logged("plugin io.cellgate.itests.hw.plugin 2.1.0 installed from deploy/plugin.jar"));

        Files.delete(jar);
        await("the plugin to go", () -> bundle("io.cellgate.itests.hw.plugin") == null);
        removeConfiguration(watched);
    }

    /** Every cell at 3.70 V but cell 7, 150 mV above its neighbours: pairs 6 and 7 balance it. */
    private static double[] cell7High() {
        double[] cells = new double[CELLS];
        Arrays.fill(cells, 3.70);
        cells[6] = 3.85;
        return cells;
    }

    /** A fake sysfs tree in the test's folder {@code name} for the shipped config/hardware, at {@code cells}. */
    private static FakeSysfs fakeTree(String name, double[] cells) throws Exception {
        FakeSysfs tree = FakeSysfs.create(HardwareOptions.work().resolve(name), shippedConfig());
        tree.setCells(cells);
        return tree;
    }

    private static Path shippedConfig() {
        return Path.of(System.getProperty("cellgate.hardware.config"));
    }

    /** The plugin folder of the shipped configuration, moved into the test's own folder. */
    private static Path pluginFolder() {
        return HardwareOptions.work().resolve("deploy");
    }

    /**
     * Installs the shipped configuration on {@code tree}, ticking every 100 ms, serving HTTP on {@code port}, and
     * returns the folder FileInstall watches it in.
     */
    private Path installShipped(FakeSysfs tree, int port) throws Exception {
        return installShipped(tree, port, Map.of());
    }

    /** As {@link #installShipped(FakeSysfs, int)}, with further single-line properties of the shipped files set. */
    private Path installShipped(FakeSysfs tree, int port, Map<String, String> more) throws Exception {
        Path watched = Path.of(context().getProperty("felix.fileinstall.dir"));
        Map<String, String> overrides = new java.util.HashMap<>(more);
        overrides.putAll(Map.of("tick.ms", "100", "org.osgi.service.http.port", String.valueOf(port),
                "felix.fileinstall.dir", pluginFolder().toString()));
        tree.installConfig(shippedConfig(), watched, overrides);
        return watched;
    }

    /** Deletes every configuration file FileInstall watches, and waits for pack1 to go with them. */
    private void removeConfiguration(Path watched) throws Exception {
        try (Stream<Path> files = Files.list(watched)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        await("pack1 to go", () -> pack("pack1") == null);
    }

    /** A bundle with a manifest and nothing else: enough for FileInstall to install and start it. */
    private static void writeBundle(Path jar, String symbolicName, String version) throws java.io.IOException {
        java.util.jar.Manifest m = new java.util.jar.Manifest();
        m.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().putValue("Bundle-ManifestVersion", "2");
        m.getMainAttributes().putValue("Bundle-SymbolicName", symbolicName);
        m.getMainAttributes().putValue("Bundle-Version", version);
        try (var o = Files.newOutputStream(jar); var j = new java.util.jar.JarOutputStream(o, m)) {
            j.flush();
        }
    }

    private static String scrape(int port) {
        return get(port, "/metrics");
    }

    /** The body of a GET that answers 200, or "" otherwise. */
    private static String get(int port, String path) {
        try {
            var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port + path)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? r.body() : "";
        } catch (java.io.IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    @Test
    public void badDriverConfigurationsAreRefusedAtActivationWithAClearMessage() throws Exception {
        Path shipped = Path.of(System.getProperty("cellgate.hardware.config"));
        Path work = HardwareOptions.work();
        FakeSysfs tree = FakeSysfs.create(work.resolve("tree-bad"), shipped);
        // A "GPIO chip" that is /dev/null: the chip-info ioctl goes through JNA to the kernel and comes back ENOTTY.
        Path dev = Files.createDirectories(work.resolve("dev-null"));
        Files.createSymbolicLink(dev.resolve("gpiochip0"), Path.of("/dev/null"));

        refused("io.cellgate.driver.linux.iio", "io.cellgate.driver.linux.iio.IioCellSource",
                props("it-iio", "sysfs.root", tree.root().toString(), "channels", "ads9999/0,ads9999/1"),
                "IIO source of pack it-iio: configuration refused: IIO device 'ads9999' not found under "
                        + tree.root().resolve("sys/bus/iio/devices") + "; present: iio:device0 (ads1115 at 1-0048)");
        refused("io.cellgate.driver.linux.iio", "io.cellgate.driver.linux.iio.IioCellSource",
                props("it-shunt", "sysfs.root", tree.root().toString(), "channels", "1-0048/0,1-0048/1",
                        "current.channel", "ina226/0"),
                "IIO source of pack it-shunt: configuration refused: current channel '0' of iio:device5 is a voltage "
                        + "across the shunt: set current.shunt.milliohms to the shunt's resistance");
        refused("io.cellgate.driver.linux.indicators", "io.cellgate.driver.linux.indicator.LinuxIndicators",
                props("it-gpio", "sysfs.root", tree.root().toString(), "dev.root", dev.toString(),
                        "leds", "gpiochip0:0,gpiochip0:1"),
                "LEDs of pack it-gpio: configuration refused: " + dev.resolve("gpiochip0")
                        + " is no GPIO chip: GPIO_GET_CHIPINFO_IOCTL failed, ENOTTY");
        refused("io.cellgate.driver.linux.balance", "io.cellgate.driver.linux.balance.InductiveBalanceOutput",
                props("it-pwm", "sysfs.root", tree.root().toString(), "switch.lines", "bal01-up,bal01-down",
                        "pwm.channels", "pwmchip2:16"),
                "balance outputs of pack it-pwm: configuration refused: PWM channel pwmchip2:16: pwm16 did not appear "
                        + "after writing 16 to " + tree.root().resolve("sys/class/pwm/pwmchip2/export"));
    }

    // --- helpers ---

    private void refused(String factoryPid, String component, Dictionary<String, Object> props, String message)
            throws Exception {
        ServiceComponentRuntime scr = service(ServiceComponentRuntime.class);
        org.osgi.service.cm.Configuration c = service(ConfigurationAdmin.class)
                .getFactoryConfiguration(factoryPid, (String) props.get("cellgate.pack"), "?");
        c.update(props);
        Object pack = props.get("cellgate.pack");
        await("the refusal of " + pack, () -> scr.getComponentDescriptionDTOs().stream()
                .filter(d -> d.name.equals(component))
                .flatMap(d -> scr.getComponentConfigurationDTOs(d).stream())
                .anyMatch(cc -> pack.equals(cc.properties.get("cellgate.pack"))
                        && cc.state == ComponentConfigurationDTO.FAILED_ACTIVATION)
                && logged(message), () -> "log: " + logLines(String.valueOf(pack)));
        c.delete();
    }

    private static Dictionary<String, Object> props(String pack, String... keyValues) {
        Dictionary<String, Object> p = new Hashtable<>();
        p.put("cellgate.pack", pack);
        p.put("cells", 2);
        for (int i = 0; i < keyValues.length; i += 2) {
            p.put(keyValues[i], keyValues[i + 1]);
        }
        return p;
    }

    private static void assertAllOff(FakeSysfs tree) {
        for (int k = 0; k < CELLS - 1; k++) {
            assertEquals("pair " + (k + 1) + " enable", "0", tree.pwm(k, "enable"));
            assertEquals("pair " + (k + 1) + " duty", "0", tree.pwm(k, "duty_cycle"));
            assertEquals("pair " + (k + 1) + " up", "0", tree.switchLine(k, true));
            assertEquals("pair " + (k + 1) + " down", "0", tree.switchLine(k, false));
        }
        for (int c = 0; c < CELLS; c++) {
            assertEquals("cell " + (c + 1) + " LED", "0", tree.cellLed(c, "brightness"));
            assertEquals("cell " + (c + 1) + " trigger", "none", tree.cellLed(c, "trigger"));
        }
    }

    private static boolean balancing(Pack pack, int pairs) {
        PackView s = pack.latest();
        return s != null && s.health().decidedByBalancer() && s.balancingPairs() == pairs;
    }

    private static CellStatus status(Pack pack, int cell) {
        PackView s = pack.latest();
        return s == null ? null : s.status(cell);
    }

    private static String describe(Pack pack) {
        PackView s = pack.latest();
        return s == null ? "no tick" : s.health() + " " + s + " balancing " + s.balancingPairs()
                + " faults " + s.faults();
    }

    /** The cell rows of cellgate:cells: cell number to {volts, status, LED}. */
    private static Map<Integer, String[]> cellRows(String table) {
        // CELL VOLTS STATUS LED BLEED | pair columns
        Pattern row = Pattern.compile("\\s*(\\d+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s*(\\|.*)?");
        return table.lines().map(row::matcher).filter(Matcher::matches)
                .collect(Collectors.toMap(m -> Integer.parseInt(m.group(1)),
                        m -> new String[] {m.group(2), m.group(3), m.group(4)}));
    }

    private String shell(String command) throws Exception {
        CommandProcessor processor = service(CommandProcessor.class);
        try (CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()))) {
            long end = System.currentTimeMillis() + TIMEOUT_MS;
            while (true) {
                try {
                    return String.valueOf(session.execute(command));
                } catch (IllegalArgumentException e) {
                    // "Command not found" until the shell's components have registered
                    if (System.currentTimeMillis() > end) {
                        throw e;
                    }
                    Thread.sleep(50);
                }
            }
        }
    }

    private BundleContext context() {
        return FrameworkUtil.getBundle(getClass()).getBundleContext();
    }

    private <T> T service(Class<T> type) {
        return context().getService(context().getServiceReference(type));
    }

    private Bundle bundle(String symbolicName) {
        return Arrays.stream(context().getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst()
                .orElse(null);
    }

    private Pack pack(String id) {
        try {
            var refs = context().getServiceReferences(Pack.class, "(pack.id=" + id + ")");
            return refs.isEmpty() ? null : context().getService(refs.iterator().next());
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Pack awaitPack(String id) throws InterruptedException {
        await("pack " + id + " to run", () -> pack(id) != null);
        return pack(id);
    }

    private java.util.List<String> exporters() {
        try {
            return context().getServiceReferences(io.cellgate.api.runtime.ExporterHealth.class, null).stream()
                    .map(r -> context().getService(r).exporter()).toList();
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private boolean logged(String text) {
        return !logLines(text).isEmpty();
    }

    private java.util.List<String> logLines(String text) {
        LogReaderService reader = service(LogReaderService.class);
        java.util.List<String> lines = new java.util.ArrayList<>();
        for (Enumeration<LogEntry> e = reader.getLog(); e.hasMoreElements();) {
            String m = e.nextElement().getMessage();
            if (m.contains(text)) {
                lines.add(m);
            }
        }
        return lines;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        await(what, condition, () -> "");
    }

    private static void await(String what, BooleanSupplier condition, Supplier<String> seen)
            throws InterruptedException {
        long end = System.currentTimeMillis() + TIMEOUT_MS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError(String.format(Locale.ROOT, "timed out after %d ms waiting for %s %s",
                        TIMEOUT_MS, what, seen.get()));
            }
            Thread.sleep(20);
        }
    }
}
