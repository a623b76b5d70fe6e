package io.cellgate.web;

import com.google.gson.stream.JsonWriter;
import io.cellgate.json.PackJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Arrays;

/**
 * Makes Server-Sent Events frames, {@code event: NAME\ndata: JSON\n\n}, as the UTF-8 bytes a stream writes: the
 * JSON's writer encodes straight into a byte array that grows to the largest frame and is kept, so a frame costs its
 * writing and one copy of the result, no string of the JSON nor an encoder. One buffer per stream, used by its thread
 * only.
 */
final class FrameBuffer extends Writer {

    private byte[] bytes;
    private int size;
    /** A high surrogate whose low half comes with the next write. */
    private char pendingHigh;

    FrameBuffer(int capacity) {
        bytes = new byte[capacity];
    }

    /** The frame of one event, its data what {@code data} writes (a JSON value, on one line). */
    byte[] frame(String event, PackJson.Body data) {
        size = 0;
        pendingHigh = 0;
        try {
            write("event: ");
            write(event);
            write("\ndata: ");
            data.write(new JsonWriter(this));
            write("\n\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing into memory does not fail
        }
        return Arrays.copyOf(bytes, size);
    }

    @Override
    public void write(int c) {
        put((char) c);
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        ensure(length * 3);
        for (int i = offset; i < offset + length; i++) {
            put(chars[i]);
        }
    }

    @Override
    public void write(String text, int offset, int length) {
        ensure(length * 3);
        for (int i = offset; i < offset + length; i++) {
            char c = text.charAt(i);
            if (c < 0x80 && pendingHigh == 0) {
                bytes[size++] = (byte) c; // JSON is nearly all ASCII
            } else {
                put(c);
            }
        }
    }

    private void put(char c) {
        ensure(4);
        if (pendingHigh != 0) {
            char high = pendingHigh;
            pendingHigh = 0;
            if (Character.isLowSurrogate(c)) {
                int cp = Character.toCodePoint(high, c);
                bytes[size++] = (byte) (0xF0 | cp >> 18);
                bytes[size++] = (byte) (0x80 | cp >> 12 & 0x3F);
                bytes[size++] = (byte) (0x80 | cp >> 6 & 0x3F);
                bytes[size++] = (byte) (0x80 | cp & 0x3F);
                return;
            }
            bytes[size++] = '?'; // a lone high surrogate, as String.getBytes(UTF_8) writes it
        }
        if (c < 0x80) {
            bytes[size++] = (byte) c;
        } else if (c < 0x800) {
            bytes[size++] = (byte) (0xC0 | c >> 6);
            bytes[size++] = (byte) (0x80 | c & 0x3F);
        } else if (Character.isHighSurrogate(c)) {
            pendingHigh = c;
        } else if (Character.isLowSurrogate(c)) {
            bytes[size++] = '?';
        } else {
            bytes[size++] = (byte) (0xE0 | c >> 12);
            bytes[size++] = (byte) (0x80 | c >> 6 & 0x3F);
            bytes[size++] = (byte) (0x80 | c & 0x3F);
        }
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    @Override
    public void flush() {
        // nothing to pass on: frame() takes the bytes
    }

    @Override
    public void close() {
        // nothing to release
    }
}
