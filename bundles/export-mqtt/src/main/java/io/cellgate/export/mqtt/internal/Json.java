package io.cellgate.export.mqtt.internal;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** A small JSON writer over Gson's stream writer: numbers rounded to micro-units, non-finite ones as null. */
final class Json {

    private final StringWriter text = new StringWriter(256);
    private final JsonWriter out = new JsonWriter(text);

    Json() {
        object();
    }

    Json object() {
        try {
            out.beginObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Json end() {
        try {
            out.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Json name(String name) {
        try {
            out.name(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Json beginArray(String name) {
        try {
            out.name(name).beginArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Json endArray() {
        try {
            out.endArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Json put(String name, String value) {
        return name(name).value(value);
    }

    Json put(String name, long value) {
        try {
            out.name(name).value(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Json put(String name, boolean value) {
        try {
            out.name(name).value(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** A measured value in SI units, to six decimals (1 µV, 1 µA); NaN and infinities become null. */
    Json put(String name, double value) {
        return name(name).value(value);
    }

    Json value(String value) {
        try {
            out.value(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Json value(double value) {
        try {
            if (Double.isFinite(value)) {
                out.value(Math.round(value * 1e6) / 1e6);
            } else {
                out.nullValue();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Closes the outermost object and returns the text. */
    String done() {
        end();
        return text.toString();
    }
}
