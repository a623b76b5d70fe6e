package io.cellgate.export.file;

import io.cellgate.api.recording.RecordingFormat;
import io.cellgate.api.telemetry.PackView;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files of one pack, in the recording format of {@link RecordingFormat}: {@code <pack>-<yyyyMMdd'T'HHmmss'Z'>.csv}, named by the UTC time of their first row
 * ({@code _2}, {@code _3} ... added to more files within one second), each beginning with the header so that each
 * can be replayed alone. A new file begins at midnight UTC (daily), when the current one reaches the size limit
 * (size), and when the pack's number of cells changes.
 */
final class PackFile implements Closeable {

    static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final RecorderSettings settings;
    private final String pack;
    private final Pattern ownFiles;
    private BufferedWriter out;
    private Path path;
    private int cells;
    private LocalDate day;
    private long bytes;
    /** Bytes of {@link #path} known to be on the disk: the header and whole rows, flushed. */
    private long flushedBytes;
    /** After a failed write: the next row goes on in {@link #path}, cut back to {@link #flushedBytes}. */
    private boolean resume;
    private boolean dirty;

    PackFile(RecorderSettings settings, String pack) {
        this.settings = settings;
        this.pack = pack;
        this.ownFiles = Pattern.compile(Pattern.quote(pack) + "-(\\d{8}T\\d{6}Z)(?:_(\\d+))?\\.csv");
    }

    /** Appends the tick's row, stamped with the wall-clock time of its reading; rotates first when due. */
    void write(PackView s) throws IOException {
        long wallMillis = s.timeMillis();
        LocalDate rowDay = LocalDate.ofInstant(Instant.ofEpochMilli(wallMillis), ZoneOffset.UTC);
        if (resume && out == null && s.pack().cells() == cells && !due(rowDay)) {
            reopen();
        } else if (out == null || s.pack().cells() != cells || due(rowDay)) {
            open(s.pack().cells(), wallMillis, rowDay);
        }
        append(RecordingFormat.row(s));
    }

    private boolean due(LocalDate rowDay) {
        return settings.rotation() == RecorderSettings.Rotation.DAILY ? !rowDay.equals(day)
                : bytes >= settings.rotationBytes();
    }

    private void open(int cellCount, long wallMillis, LocalDate rowDay) throws IOException {
        close();
        Files.createDirectories(settings.directory());
        String stem = pack + "-" + NAME_TIME.format(Instant.ofEpochMilli(wallMillis));
        Path p = settings.directory().resolve(stem + ".csv");
        for (int n = 2; Files.exists(p); n++) { // several files within one second (tiny size limits)
            p = settings.directory().resolve(stem + "_" + n + ".csv");
        }
        // Telemetry, no secret: readable by all, writable by the gateway alone (0644, or less under a strict umask).
        if (Files.getFileStore(settings.directory()).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.createFile(p, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
        } else {
            Files.createFile(p);
        }
        out = Files.newBufferedWriter(p, StandardCharsets.US_ASCII, StandardOpenOption.WRITE);
        path = p;
        cells = cellCount;
        day = rowDay;
        bytes = 0;
        flushedBytes = 0;
        resume = false;
        append(RecordingFormat.header(cellCount));
        prune();
    }

    /** Goes on in the file a failed write left, from its last whole row: a full disk costs rows, not a file. */
    private void reopen() throws IOException {
        out = Files.newBufferedWriter(path, StandardCharsets.US_ASCII, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        bytes = flushedBytes;
        resume = false;
    }

    /**
     * After a write or flush that failed (a full disk, say): closes the file and cuts off what reached it of the
     * rows not flushed, so that no torn row is left; the next row goes on in the same file, or a fresh one when
     * not even the header got there. Cutting back needs no free space.
     */
    void abandon() {
        try {
            close();
        } catch (IOException e) {
            // the rows still buffered are lost: that is what failed
        }
        if (path == null) {
            return;
        }
        try (FileChannel c = FileChannel.open(path, StandardOpenOption.WRITE)) {
            if (flushedBytes == 0) {
                c.close();
                Files.deleteIfExists(path);
                path = null;
                return;
            }
            c.truncate(flushedBytes);
            resume = true;
        } catch (IOException e) {
            resume = false; // a fresh file next time
        }
    }

    private void append(String line) throws IOException {
        out.write(line);
        out.write('\n');
        bytes += line.length() + 1; // ASCII only
        dirty = true;
    }

    /** Deletes the oldest files of this pack beyond keep.files, by the time and number in their names. */
    private void prune() throws IOException {
        if (settings.keepFiles() == 0) {
            return;
        }
        TreeMap<String, Path> mine = new TreeMap<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(settings.directory(), pack + "-*.csv")) {
            for (Path p : dir) {
                Matcher m = ownFiles.matcher(p.getFileName().toString());
                if (m.matches()) {
                    mine.put(m.group(1) + String.format("%09d", m.group(2) == null ? 1 : Integer.parseInt(m.group(2))),
                            p);
                }
            }
        }
        while (mine.size() > settings.keepFiles()) {
            Files.deleteIfExists(mine.pollFirstEntry().getValue());
        }
    }

    /** Writes the rows buffered to the disk; false when there were none. */
    boolean flush() throws IOException {
        if (out == null || !dirty) {
            return false;
        }
        out.flush();
        dirty = false;
        flushedBytes = bytes;
        return true;
    }

    Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            BufferedWriter w = out;
            out = null;
            w.close();
        }
    }
}
