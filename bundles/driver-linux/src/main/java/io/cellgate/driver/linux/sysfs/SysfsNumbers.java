package io.cellgate.driver.linux.sysfs;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Parses the numbers sysfs prints ({@code "1234\n"}, {@code "-5\n"}, {@code "0.125000000\n"}) from bytes. */
final class SysfsNumbers {

    /** Significant digits a long holds exactly; IIO prints at most 9 decimals. */
    private static final int MAX_DIGITS = 18;
    private static final double[] POW10 = new double[MAX_DIGITS + 1];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private SysfsNumbers() {
    }

    static long parseLong(byte[] b, int length, Path file) throws SysfsFormatException {
        int end = trimEnd(b, length);
        int i = digitsStart(b, end);
        boolean negative = i > 0 && b[i - 1] == '-';
        if (i == end) {
            throw garbage(file, b, length);
        }
        long value = 0;
        for (; i < end; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9 || value > (Long.MAX_VALUE - d) / 10) {
                throw garbage(file, b, length);
            }
            value = value * 10 + d;
        }
        return negative ? -value : value;
    }

    static double parseDecimal(byte[] b, int length, Path file) throws SysfsFormatException {
        int end = trimEnd(b, length);
        int i = digitsStart(b, end);
        boolean negative = i > 0 && b[i - 1] == '-';
        long mantissa = 0;
        int significant = 0;
        int decimals = 0;
        boolean point = false;
        boolean anyDigit = false;
        for (; i < end; i++) {
            if (b[i] == '.' && !point) {
                point = true;
                continue;
            }
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                throw garbage(file, b, length);
            }
            anyDigit = true;
            if (significant == MAX_DIGITS || decimals == MAX_DIGITS) {
                if (!point) {
                    throw garbage(file, b, length); // 19 integer digits: no scale or offset is that large
                }
                continue; // decimals beyond a long's precision change nothing a double holds
            }
            mantissa = mantissa * 10 + d;
            if (mantissa != 0) {
                significant++;
            }
            if (point) {
                decimals++;
            }
        }
        if (!anyDigit) {
            throw garbage(file, b, length);
        }
        double value = mantissa / POW10[decimals];
        return negative ? -value : value;
    }

    /** Appends the decimal digits of {@code value}. */
    static void putLong(ByteBuffer out, long value) {
        if (value < 0) {
            out.put((byte) '-');
            if (value == Long.MIN_VALUE) {
                throw new IllegalArgumentException("no sysfs attribute takes " + value);
            }
            value = -value;
        }
        int start = out.position();
        do {
            out.put((byte) ('0' + value % 10));
            value /= 10;
        } while (value != 0);
        for (int i = start, j = out.position() - 1; i < j; i++, j--) {
            byte t = out.get(i);
            out.put(i, out.get(j));
            out.put(j, t);
        }
    }

    /** Where the digits start: after leading white space and one optional sign. */
    private static int digitsStart(byte[] b, int end) {
        int i = skipSpace(b, 0, end);
        return i < end && (b[i] == '-' || b[i] == '+') ? i + 1 : i;
    }

    private static int trimEnd(byte[] b, int length) {
        int end = length;
        while (end > 0 && (b[end - 1] == '\n' || b[end - 1] == ' ' || b[end - 1] == '\t' || b[end - 1] == 0)) {
            end--;
        }
        return end;
    }

    private static int skipSpace(byte[] b, int i, int end) {
        while (i < end && (b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
        return i;
    }

    private static SysfsFormatException garbage(Path file, byte[] b, int length) {
        String text = new String(b, 0, Math.min(length, 32), StandardCharsets.US_ASCII).replace("\n", "\\n");
        return new SysfsFormatException(file, "not a number: '" + text + "'");
    }
}
