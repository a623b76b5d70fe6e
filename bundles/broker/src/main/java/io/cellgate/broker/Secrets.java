package io.cellgate.broker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Secrets come from files, never from a configuration: a file named by the configuration holds the secret alone and is
 * readable by the gateway's user only (chmod 600), so the secret is neither kept in Config Admin's store nor listed by
 * {@code scr:info}.
 */
public final class Secrets {

    private Secrets() {
    }

    /**
     * The secret in {@code file} (a trailing newline dropped), or null when {@code file} is empty.
     *
     * @param fileKey the property that named the file, for the message
     * @throws IllegalArgumentException when the file is missing, empty or readable by others, saying what to do
     */
    public static char[] read(String fileKey, String file) {
        Path f = privateFile(fileKey, file);
        if (f == null) {
            return null;
        }
        try {
            String text = Files.readString(f).replaceFirst("\\R\\z", "");
            if (text.isEmpty()) {
                throw new IllegalArgumentException(fileKey + "=" + f + " is empty: write the secret into it");
            }
            return text.toCharArray();
        } catch (IOException e) {
            throw new IllegalArgumentException(fileKey + "=" + f + " cannot be read: " + e.getMessage());
        }
    }

    /**
     * The file a property names, checked to exist and to be the gateway user's alone; null when the property is empty.
     *
     * @throws IllegalArgumentException when the file is missing or readable or writable by others
     */
    public static Path privateFile(String fileKey, String file) {
        String path = file == null ? "" : file.trim();
        if (path.isEmpty()) {
            return null;
        }
        Path f = Path.of(path);
        try {
            Set<PosixFilePermission> mode = Files.getFileAttributeView(f, PosixFileAttributeView.class) == null
                    ? Set.of() : Files.getPosixFilePermissions(f);
            Set<PosixFilePermission> others = EnumSet.of(PosixFilePermission.GROUP_READ,
                    PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);
            others.retainAll(mode);
            if (!others.isEmpty()) {
                throw new IllegalArgumentException(fileKey + "=" + f + " is readable or writable by others ("
                        + PosixFilePermissions.toString(mode) + "): chmod 600 " + f);
            }
            return f;
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(fileKey + "=" + f + " does not exist: create it (chmod 600) or leave "
                    + fileKey + " out");
        } catch (IOException e) {
            throw new IllegalArgumentException(fileKey + "=" + f + " cannot be read: " + e.getMessage());
        }
    }
}
