package io.cellgate.shell;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * {@code cellgate:update}: a new version of a bundle, from a jar an operator names. Felix's own {@code update ID}
 * reads the bundle's location again, but the bnd launcher installs the gateway's bundles from inside gateway.jar
 * under locations such as {@code jar/io.cellgate.balancer.ek-….jar}, which are no URL: Felix then fails with
 * "no protocol". This command says so, and updates from a file path or URL.
 */
@Component(service = UpdateCommand.class, property = {"osgi.command.scope=cellgate",
        "osgi.command.function=update"})
public final class UpdateCommand {

    private final BundleContext context;

    @Activate
    public UpdateCommand(BundleContext context) {
        this.context = context;
    }

    @Descriptor("update a bundle from its own location, when it has one (bundles installed from a file or URL)")
    public String update(@Descriptor("bundle id, as lb lists it") long id) throws BundleException, IOException {
        Bundle bundle = bundle(id);
        String location = bundle.getLocation();
        if (!isUrl(location)) {
            throw new CommandError(name(bundle) + " came inside gateway.jar (" + location + ") and has no file to "
                    + "update from: give the new jar, e.g. cellgate:update " + id + " path/to/new.jar (it runs until "
                    + "the next restart, which puts gateway.jar's own back)");
        }
        bundle.update();
        return name(bundle) + " updated from " + location + "\n";
    }

    @Descriptor("update a bundle from a new jar: its packs go on, fail-safe for the moment it takes")
    public String update(@Descriptor("bundle id, as lb lists it") long id,
            @Descriptor("the new jar: a path (relative to the gateway's folder) or a URL") String jar)
            throws BundleException, IOException {
        Bundle bundle = bundle(id);
        try (InputStream in = open(jar)) {
            bundle.update(in);
        }
        return name(bundle) + " updated from " + jar + "\n";
    }

    private Bundle bundle(long id) {
        Bundle bundle = context.getBundle(id);
        if (bundle == null || id == 0) {
            throw new CommandError("no bundle " + id + " to update: lb lists the bundles and their ids");
        }
        return bundle;
    }

    private static InputStream open(String jar) throws IOException {
        if (isUrl(jar)) {
            return new URL(jar).openStream();
        }
        Path file = Path.of(jar).toAbsolutePath();
        if (!Files.isRegularFile(file)) {
            throw new CommandError("no such jar: " + file);
        }
        return Files.newInputStream(file);
    }

    private static boolean isUrl(String location) {
        try {
            new URL(location);
            return true;
        } catch (MalformedURLException notAUrl) {
            return false;
        }
    }

    private static String name(Bundle bundle) {
        return "bundle " + bundle.getBundleId() + " (" + bundle.getSymbolicName() + " " + bundle.getVersion() + ")";
    }
}
