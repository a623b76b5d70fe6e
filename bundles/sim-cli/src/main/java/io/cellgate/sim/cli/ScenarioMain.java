package io.cellgate.sim.cli;

import io.cellgate.api.balancer.BalancerModel;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.log.LogReaderService;
import org.osgi.service.metatype.MetaTypeService;

/**
 * {@code java -jar scenario.jar ...}: the bnd launcher calls this {@code main.thread} callable once every bundle has
 * started, and exits with the number it returns. It installs the plugin jars first ({@code --plugins DIR}, or
 * {@code deploy/} when it exists), then hands the registered models to {@link ScenarioCli}, which does the rest;
 * a sweep's variants are made through Configuration Admin ({@link ConfiguredVariants}).
 */
@Component(property = "main.thread=true")
public final class ScenarioMain implements Callable<Integer> {

    /** How long to wait for a model to register (variants come from config/ through FileInstall, plugins start). */
    static final long MODEL_WAIT_MILLIS = 5_000;

    private final String[] args;
    private final BundleContext context;
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<BalancerModel> models;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ConfigurationAdmin configurationAdmin;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile MetaTypeService metaType;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile LogReaderService logReader;

    @Activate
    public ScenarioMain(BundleContext context, @Reference(name = "launcher", service = Object.class,
            target = "(launcher.arguments=*)") Map<String, Object> launcher) {
        this.context = context;
        Object a = launcher.get("launcher.arguments");
        this.args = a instanceof String[] s ? s : new String[0];
    }

    @Override
    public Integer call() {
        try {
            installPlugins();
        } catch (ScenarioError e) {
            err.println("error: " + e.getMessage());
            return e.exitCode();
        }
        ConfiguredVariants variants = new ConfiguredVariants(context, () -> configurationAdmin, () -> metaType,
                () -> logReader);
        return new ScenarioCli(() -> models == null ? List.of() : List.copyOf(models), variants, out, err,
                MODEL_WAIT_MILLIS).run(args);
    }

    /** {@code --plugins DIR}, else {@code deploy/} if there is one: every jar installed and started. */
    private void installPlugins() {
        Path dir = null;
        boolean asked = false;
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--plugins")) {
                dir = Path.of(args[i + 1]);
                asked = true;
            }
        }
        if (dir == null) {
            dir = Path.of("deploy");
            if (!Files.isDirectory(dir)) {
                return;
            }
        }
        if (!Files.isDirectory(dir)) {
            throw new ScenarioError(ScenarioError.PLUGIN, "--plugins " + dir + ": no such folder");
        }
        List<Path> jars;
        try (Stream<Path> files = Files.list(dir)) {
            jars = files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new ScenarioError(ScenarioError.PLUGIN, "cannot read " + dir + ": " + e.getMessage());
        }
        if (asked && jars.isEmpty()) {
            throw new ScenarioError(ScenarioError.PLUGIN, "--plugins " + dir + ": no .jar in it");
        }
        List<Bundle> installed = new ArrayList<>();
        for (Path jar : jars) {
            try {
                installed.add(context.installBundle(jar.toAbsolutePath().toUri().toString()));
            } catch (BundleException e) {
                refuse(asked, jar, "cannot install it: " + e.getMessage());
            }
        }
        for (Bundle b : installed) {
            try {
                b.start();
                err.println("plugin: " + b.getSymbolicName() + " " + b.getVersion() + " from " + b.getLocation());
            } catch (BundleException e) {
                refuse(asked, Path.of(b.getLocation()), "cannot start " + b.getSymbolicName() + ": " + e.getMessage());
            }
        }
    }

    private void refuse(boolean asked, Path jar, String why) {
        String message = "plugin " + jar.getFileName() + ": " + why + " (a plugin is an OSGi bundle that registers "
                + "a BalancerModel service, see docs/adding-a-board.md)";
        if (asked) {
            throw new ScenarioError(ScenarioError.PLUGIN, message);
        }
        err.println("warning: deploy/: " + message + "; left out");
    }
}
