package io.cellgate.launch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.osgi.framework.Version;

/**
 * Which bundles of the framework cache must go before the bnd launcher installs the bundles of gateway.jar, and why.
 * The launcher installs each bundle of the jar at the location {@code jar/<file>} unless a bundle has that location
 * already; the framework refuses a second bundle of one symbolic name and version, and the launcher then ends the
 * gateway (status 127) at every start. Two things in a kept cache lead there, and this plan removes both:
 * <ul>
 * <li>a bundle installed from elsewhere (the shell, {@code deploy/}) with the name and version of a built-in bundle
 * that was uninstalled: the built-in comes back, the duplicate goes;</li>
 * <li>a bundle at a {@code jar/} location that this gateway.jar does not have: it came inside an earlier one (an
 * upgrade), and it would run beside, or collide with, its successor.</li>
 * </ul>
 * Plain Java over plain values, so that every case is tested without a framework.
 */
final class CachePlan {

    /** Where the bnd launcher installs the bundles it carries inside the executable jar. */
    static final String EMBEDDED_PREFIX = "jar/";

    /** A bundle of the cache. */
    record Installed(long id, String location, String name, Version version) {
        String describe() {
            return name + " " + version + " (bundle " + id + ")";
        }
    }

    /** A symbolic name and version. */
    record Identity(String name, Version version) {
        boolean is(Installed b) {
            return name.equals(b.name()) && version.equals(b.version());
        }
    }

    /** A bundle to uninstall, and the line that tells the operator why (a warning when it undoes an operator's act). */
    record Removal(Installed bundle, boolean warning, String reason) {
    }

    private CachePlan() {
    }

    /**
     * @param builtIns the locations the launcher installs this time ({@code launch.bundles})
     * @param identityOf the name and version of the bundle at one of those locations, read from gateway.jar only
     *     when a built-in is missing from the cache (most starts read nothing)
     * @param installed the bundles of the cache, the system bundle excepted
     */
    static List<Removal> plan(List<String> builtIns, Function<String, Identity> identityOf,
            List<Installed> installed) {
        List<Removal> removals = new ArrayList<>();
        Set<String> wanted = new HashSet<>(builtIns);
        Set<String> present = new HashSet<>();
        List<Installed> others = new ArrayList<>();
        for (Installed b : installed) {
            if (b.location().startsWith(EMBEDDED_PREFIX) && !wanted.contains(b.location())) {
                removals.add(new Removal(b, false,
                        b.describe() + " uninstalled: it came inside an earlier gateway.jar, not this one"));
            } else if (wanted.contains(b.location())) {
                present.add(b.location());
            } else {
                others.add(b);
            }
        }
        for (String location : builtIns) {
            if (present.contains(location) || others.isEmpty()) {
                continue;
            }
            Identity builtIn = identityOf.apply(location);
            if (builtIn == null) {
                continue;
            }
            for (Installed b : others) {
                if (builtIn.is(b)) {
                    removals.add(new Removal(b, true, b.name() + " " + b.version() + " from " + b.location()
                            + " (bundle " + b.id() + ") uninstalled: gateway.jar has its own bundle of that name and "
                            + "version and puts it back at every start. To run another build of a built-in bundle, "
                            + "replace it in place with cellgate:update <id> <jar>, which lasts across restarts"));
                }
            }
        }
        return removals;
    }
}
