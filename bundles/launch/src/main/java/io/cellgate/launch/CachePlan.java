package io.cellgate.launch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.osgi.framework.Version;

/**
 * Which bundles of the framework cache must go before the bnd launcher installs the bundles of gateway.jar, and why.
 * The rule: every start brings back gateway.jar's own bundles as the jar has them, whatever was done to them since;
 * bundles of other names or versions that an operator installed stay. The launcher installs each bundle of the jar at
 * the location {@code jar/<file>}, or updates the bundle at that location from the jar; what it cannot cope with, this
 * plan removes first:
 * <ul>
 * <li>a bundle installed from elsewhere (the shell, {@code deploy/}) with the name and version of a built-in bundle
 * that was uninstalled: the framework refuses a second bundle of one name and version, and the launcher then ended
 * the gateway (status 127) at every start. The duplicate goes, the built-in comes back;</li>
 * <li>a built-in that {@code cellgate:update} changed to another name or version: the launcher's start levels are
 * keyed by name and version, so the bundle it puts back would start at the default level, after the packs. It goes,
 * and the launcher installs the built-in afresh;</li>
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

        Identity identity() {
            return new Identity(name, version);
        }
    }

    /** A symbolic name and version. */
    record Identity(String name, Version version) {
        boolean is(Installed b) {
            return equals(b.identity());
        }
    }

    /** A bundle to uninstall, and the line that tells the operator why (a warning when it undoes an operator's act). */
    record Removal(Installed bundle, boolean warning, String reason) {
    }

    private static final String BACK = "every start puts gateway.jar's own bundles back. To change a built-in bundle "
            + "for good, build a gateway.jar with it";

    private CachePlan() {
    }

    /**
     * The names and versions in the launcher's {@code launch.runbundles.attrs}, as bnd writes it:
     * {@code com.google.gson;version="2.15.0";startlevel=3,io.cellgate.api;version="0.1.0.SNAPSHOT";startlevel=4}.
     * A name bnd marked as a duplicate ({@code name~}) counts as the name. Empty when the value says nothing.
     */
    static Set<Identity> identities(String attrs) {
        Set<Identity> identities = new HashSet<>();
        if (attrs == null) {
            return identities;
        }
        for (String clause : split(attrs, ',')) {
            List<String> parts = split(clause, ';');
            String name = parts.get(0).trim().replaceAll("~+$", "");
            Version version = Version.emptyVersion;
            for (String part : parts.subList(1, parts.size())) {
                int eq = part.indexOf('=');
                if (eq > 0 && part.substring(0, eq).trim().equals("version")) {
                    try {
                        version = Version.parseVersion(part.substring(eq + 1).trim().replace("\"", ""));
                    } catch (IllegalArgumentException notAVersion) {
                        return new HashSet<>(); // not what bnd writes: say nothing rather than something wrong
                    }
                }
            }
            if (!name.isEmpty()) {
                identities.add(new Identity(name, version));
            }
        }
        return identities;
    }

    /** Splits at a separator outside double quotes. */
    private static List<String> split(String s, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (char c : s.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }

    /**
     * @param builtIns the locations the launcher installs this time ({@code launch.bundles})
     * @param inJar the names and versions of the bundles inside gateway.jar ({@code launch.runbundles.attrs});
     *     empty when unknown, and then a built-in changed in place is left to the launcher
     * @param identityOf the name and version of the bundle at one of the built-in locations, read from gateway.jar
     *     only when that built-in is missing from a cache that holds other bundles (most starts read nothing)
     * @param installed the bundles of the cache, the system bundle excepted
     */
    static List<Removal> plan(List<String> builtIns, Set<Identity> inJar, Function<String, Identity> identityOf,
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
                if (!inJar.isEmpty() && !inJar.contains(b.identity())) {
                    removals.add(new Removal(b, true, b.describe() + " uninstalled: an update had put it in "
                            + "place of " + b.location() + ", and " + BACK));
                } else {
                    present.add(b.location());
                }
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
                            + " (bundle " + b.id() + ") uninstalled: it has the name and version of a bundle of "
                            + "gateway.jar, and " + BACK + "; a plugin of a name or version of its own stays "
                            + "installed"));
                }
            }
        }
        return removals;
    }
}
