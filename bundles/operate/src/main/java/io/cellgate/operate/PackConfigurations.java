package io.cellgate.operate;

import io.cellgate.api.runtime.PackProperties;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import org.apache.felix.utils.properties.TypedProperties;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Reads and changes pack configurations the way an operator expects: through Configuration Admin, so the running
 * pack changes at once, and in the file of {@code config/} the configuration came from, so that file and running
 * state never disagree and the change survives a restart.
 */
public final class PackConfigurations {

    /** FileInstall marks the configurations it made with the URL of their file. */
    static final String FILE_PROPERTY = "felix.fileinstall.filename";
    /**
     * Who made the change, for the pack's log ("by the shell", "by web console user admin from 192.0.2.7") rather than
     * by the file the configuration came from. Private (the leading dot keeps it off the pack service); FileInstall
     * drops it when it next reads the file.
     */
    static final String CHANGED_BY = ".cellgate.changed.by";

    private final ConfigurationAdmin configAdmin;

    public PackConfigurations(ConfigurationAdmin configAdmin) {
        this.configAdmin = configAdmin;
    }

    /** The configuration of pack {@code packId}; an unknown pack is an error that names the known ones. */
    public Configuration find(String packId) throws IOException {
        Configuration[] all = list("(" + ConfigurationAdmin.SERVICE_FACTORYPID + "=" + PackProperties.FACTORY_PID
                + ")");
        List<String> known = new ArrayList<>();
        for (Configuration c : all) {
            Object id = c.getProperties() == null ? null : c.getProperties().get(PackProperties.PACK_ID);
            if (packId.equals(id)) {
                return c;
            }
            known.add(String.valueOf(id));
        }
        known.sort(null);
        throw new Refusal("unknown pack '" + packId + "'; known packs: "
                + (known.isEmpty() ? "none" : String.join(", ", known)));
    }

    /**
     * Sets one property: the running pack first, then its file when it has one. Returns the file, or null.
     *
     * @param who who asked, as the pack's log says it after "by"
     */
    Path set(Configuration config, String key, Object value, String who) throws IOException {
        Dictionary<String, Object> props = config.getProperties();
        props.put(key, value);
        props.put(CHANGED_BY, who);
        config.update(props);
        Path file = fileOf(config);
        if (file != null) {
            writeProperty(file, key, String.valueOf(value));
        }
        return file;
    }

    public static Path fileOf(Configuration config) {
        Object url = config.getProperties() == null ? null : config.getProperties().get(FILE_PROPERTY);
        return url == null ? null : Path.of(URI.create(url.toString()));
    }

    /**
     * Sets {@code key} in a .cfg file (or appends it), keeping every other line and comment, with the format's
     * escaping, and swaps the new file in atomically so a watcher never reads half a file. The new file keeps the
     * old one's mode and owner: a temporary file is made private (600), and an operator's 644 must stay readable to
     * others.
     *
     * <p>Felix's own reader and writer of the format ({@link TypedProperties}, which FileInstall reads .cfg files
     * with) does the escaping of a properties file: a backslash, a line break, a '=' in a value. FileInstall then
     * substitutes {@code ${…}} in what it read, taking {@code \}, <code>\{</code> and <code>\}</code> as escapes;
     * the writer leaves that to its caller, so {@link #forSubstitution} does it.
     */
    static void writeProperty(Path file, String key, String value) throws IOException {
        TypedProperties props = new TypedProperties(false); // raw: an operator's ${…} stays in the file as written
        props.load(file.toFile());
        props.put(key, forSubstitution(value));
        Path tmp = Files.createTempFile(file.getParent(), ".cellgate-", ".tmp");
        try {
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                StringWriter text = new StringWriter();
                props.save(text);
                out.write(ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
                out.force(true); // on disk before the rename: a power cut leaves the old file or the new, never empty
            }
            keepModeAndOwner(file, tmp);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp); // gone after the move; left only by a failure, which must not leave litter
        }
        syncDirectory(file.getParent());
    }

    /** Makes the rename itself durable; a file system that cannot sync a directory keeps it in its journal anyway. */
    private static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // not supported here (some file systems refuse to open a directory): nothing more to do
        }
    }

    /** A value that FileInstall's substitution of {@code ${…}} gives back unchanged. */
    static String forSubstitution(String value) {
        return value.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}");
    }

    private static void keepModeAndOwner(Path original, Path replacement) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(replacement, PosixFileAttributeView.class);
        if (view == null) {
            return; // not a POSIX file system: nothing to keep
        }
        PosixFileAttributes was = Files.readAttributes(original, PosixFileAttributes.class);
        view.setPermissions(was.permissions());
        if (!was.owner().equals(Files.getOwner(replacement)) || !was.group().equals(view.readAttributes().group())) {
            try {
                view.setOwner(was.owner());
                view.setGroup(was.group());
            } catch (IOException e) {
                // Only root may give a file away; a gateway running as the file's owner never gets here.
            }
        }
    }

    private Configuration[] list(String filter) throws IOException {
        try {
            Configuration[] c = configAdmin.listConfigurations(filter);
            return c == null ? new Configuration[0] : c;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
