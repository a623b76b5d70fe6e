package io.cellgate.driver.linux.sysfs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads and writes sysfs attributes the way the kernel expects them: one whole value per read or write, the file
 * opened and closed every time. An attribute kept open would go on reading a removed file or an unbound device,
 * and a fresh open is what makes an IIO driver convert again.
 *
 * <p>One instance per component, used under the component's lock: it reuses its buffers, so reading a number
 * allocates no String and no array.
 */
public final class Sysfs {

    /** Numeric attributes are short; a longer one is not the number we asked for. */
    static final int MAX_NUMBER_BYTES = 64;

    private final ByteBuffer in = ByteBuffer.allocate(MAX_NUMBER_BYTES + 1);
    private final ByteBuffer out = ByteBuffer.allocate(32);

    /** An integer attribute, such as {@code in_voltage0_raw} or {@code max_brightness}. */
    public long readLong(Path file) throws IOException {
        return SysfsNumbers.parseLong(in.array(), read(file), file);
    }

    /** A decimal attribute, such as {@code in_voltage0_scale} ({@code 0.125000000}). */
    public double readDecimal(Path file) throws IOException {
        return SysfsNumbers.parseDecimal(in.array(), read(file), file);
    }

    /** A text attribute, trimmed: device names, trigger lists. For activation, not for the tick. */
    public String readText(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.US_ASCII).trim();
    }

    /** Writes {@code value} in one write, as sysfs wants; the attribute must exist (nothing is created). */
    public void write(Path file, byte[] value) throws IOException {
        out.clear();
        out.put(value).flip();
        writeOut(file);
    }

    /** Writes a decimal integer without building a String. */
    public void writeLong(Path file, long value) throws IOException {
        out.clear();
        SysfsNumbers.putLong(out, value);
        out.flip();
        writeOut(file);
    }

    private int read(Path file) throws IOException {
        in.clear();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            while (in.hasRemaining() && ch.read(in) > 0) {
                // a sysfs attribute comes in one read; a regular file of the test tree may take more
            }
        }
        if (!in.hasRemaining()) {
            throw new SysfsFormatException(file, "longer than " + MAX_NUMBER_BYTES + " bytes");
        }
        return in.position();
    }

    private void writeOut(Path file) throws IOException {
        // TRUNCATE_EXISTING: sysfs ignores it; a regular file of a test tree must not keep a longer old value.
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            while (out.hasRemaining()) {
                ch.write(out);
            }
        }
    }
}
