package io.cellgate.itests.hw;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.After;
import org.junit.Test;

/**
 * A board plugin that allocates without bound, in the hardware gateway started as the box's unit starts it
 * ({@code -XX:+ExitOnOutOfMemoryError}): the JVM does not live on half-dead with threads dying one by one, it ends at
 * the first OutOfMemoryError, and {@code outputs-off} (the unit's {@code ExecStopPost}) turns every output off.
 * The plugin is a bundle made here and dropped into {@code deploy/}, as an operator installs one: for ten ticks it
 * decides as the EK-L20S1A datasheet model (pair 7 balances), then it hoards memory.
 */
public class UnboundedPluginIT {

    private static final String PLUGIN = """
            package hoarding;

            import io.cellgate.api.balancer.Balancer;
            import io.cellgate.api.balancer.BalancerModel;
            import io.cellgate.api.balancer.ModelDescriptor;
            import io.cellgate.api.pack.PackDescription;
            import java.util.ArrayList;
            import java.util.Hashtable;
            import java.util.List;
            import org.osgi.framework.BundleActivator;
            import org.osgi.framework.BundleContext;
            import org.osgi.framework.ServiceReference;

            public final class Activator implements BundleActivator {
                @Override
                public void start(BundleContext context) throws Exception {
                    String datasheet = "(&(cellgate.model=EK-L20S1A)(cellgate.variant=datasheet))";
                    long end = System.nanoTime() + 30_000_000_000L;
                    while (context.getServiceReferences(BalancerModel.class, datasheet).isEmpty()) {
                        if (System.nanoTime() > end) {
                            throw new IllegalStateException("no EK-L20S1A datasheet model");
                        }
                        Thread.sleep(100);
                    }
                    ServiceReference<BalancerModel> ref =
                            context.getServiceReferences(BalancerModel.class, datasheet).iterator().next();
                    BalancerModel ek = context.getService(ref);
                    ModelDescriptor d = ek.descriptor();
                    ModelDescriptor mine = new ModelDescriptor("HOARD", "unbounded", "itests", d.minCells(),
                            d.maxCells(), d.chemistries(), d.topology(), d.maxAmps(), d.parameters());
                    BalancerModel model = new BalancerModel() {
                        public ModelDescriptor descriptor() {
                            return mine;
                        }

                        public Balancer create(PackDescription pack) {
                            Balancer inner = ek.create(pack);
                            List<long[]> hoard = new ArrayList<>();
                            int[] calls = new int[1];
                            return (reading, out) -> {
                                if (calls[0]++ < 10) {
                                    inner.decide(reading, out);
                                    return;
                                }
                                System.out.println("hoarding from " + System.nanoTime());
                                while (true) {
                                    hoard.add(new long[1 << 17]);
                                }
                            };
                        }
                    };
                    Hashtable<String, Object> p = new Hashtable<>();
                    p.put(BalancerModel.MODEL, "HOARD");
                    p.put(BalancerModel.VARIANT, "unbounded");
                    p.put(BalancerModel.VENDOR, "itests");
                    context.registerService(BalancerModel.class, model, p);
                }

                @Override
                public void stop(BundleContext context) {
                }
            }
            """;

    private Process gateway;

    @After
    public void stopTheGateway() throws InterruptedException {
        HardwareProcess.end(gateway);
    }

    @Test
    public void aPluginThatAllocatesWithoutBoundEndsTheJvmAndTheCommandTurnsEveryOutputOff() throws Exception {
        HardwareProcess hw = HardwareProcess.prepare("unbounded-plugin");
        Path pack = hw.config.resolve("io.cellgate.pack-pack1.cfg");
        Files.writeString(pack, Files.readString(pack).replace(
                "balancer.target=(&(cellgate.model=EK-L20S1A)(cellgate.variant=datasheet))",
                "balancer.target=(cellgate.model=HOARD)"));
        Path deploy = Files.createDirectories(hw.home.resolve("deploy"));
        Path jar = plugin(hw.home.resolve("plugin-build"));
        Files.move(jar, deploy.resolve("hoarding.jar"));

        gateway = hw.start(List.of("-Xmx96m", "-XX:+ExitOnOutOfMemoryError"));
        hw.awaitPair7Balancing();
        assertTrue("the JVM ends by itself", gateway.waitFor(90, TimeUnit.SECONDS));
        long ended = System.nanoTime();
        String printed = Files.readString(hw.log);
        assertEquals(printed, 3, gateway.exitValue()); // HotSpot's status for ExitOnOutOfMemoryError
        assertTrue(printed, printed.contains("Terminating due to java.lang.OutOfMemoryError"));
        long hoardingFrom = Long.parseLong(printed.lines().filter(l -> l.startsWith("hoarding from "))
                .findFirst().orElseThrow().substring("hoarding from ".length()).trim());
        assertTrue("the outputs stay as the dead process left them: " + hw.stillOn(), !hw.stillOn().isEmpty());

        hw.outputsOff();
        long off = System.nanoTime();
        assertTrue("still on: " + hw.stillOn(), hw.stillOn().isEmpty());
        System.out.printf("unbounded plugin: the JVM ended %.2f s after the plugin began to hoard (it reads the same "
                + "monotonic clock), every output off %.2f s after that%n", (ended - hoardingFrom) / 1e9,
                (off - ended) / 1e9);
    }

    /** Compiles the plugin against the API and the framework, and makes it a bundle. */
    private static Path plugin(Path dir) throws IOException {
        Path src = dir.resolve("src/hoarding/Activator.java");
        Path classes = dir.resolve("classes");
        Files.createDirectories(src.getParent());
        Files.createDirectories(classes);
        Files.writeString(src, PLUGIN);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String classPath = System.getProperty("java.class.path") + File.pathSeparator + HardwareProcess.BUNDLES
                + File.separator + "*";
        assertEquals("the plugin compiles", 0, javac.run(null, null, null, "--release", "17", "-cp", classPath,
                "-d", classes.toString(), src.toString()));
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "io.cellgate.itests.hoarding");
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Bundle-Activator", "hoarding.Activator");
        a.putValue("Import-Package", "io.cellgate.api.balancer,io.cellgate.api.pack,org.osgi.framework");
        Path jar = dir.resolve("hoarding.jar");
        try (OutputStream o = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(o, m)) {
            try (var files = Files.walk(classes)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    j.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                    j.write(Files.readAllBytes(f));
                    j.closeEntry();
                }
            }
        }
        return jar;
    }
}
