package io.cellgate.export.mqtt.internal;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;

/** A small JSON writer over Gson's stream writer: numbers rounded to micro-units, non-finite ones as null. */
final class Json {

    /** One step of Gson's writer; it declares IOException although a StringWriter never throws one. */
    private interface Step {
        void write(JsonWriter out) throws IOException;
    }

    private final StringWriter text = new StringWriter(256);
    private final JsonWriter out = new JsonWriter(text);

    Json() {
        object();
    }

    private Json write(Step step) {
        try {
            step.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Json object() {
        return write(JsonWriter::beginObject);
    }

    Json end() {
        return write(JsonWriter::endObject);
    }

    Json name(String name) {
        return write(o -> o.name(name));
    }

    Json beginArray(String name) {
        return write(o -> o.name(name).beginArray());
    }

    Json endArray() {
        return write(JsonWriter::endArray);
    }

    Json put(String name, String value) {
        return name(name).value(value);
    }

    Json put(String name, long value) {
        return write(o -> o.name(name).value(value));
    }

    Json put(String name, boolean value) {
        return write(o -> o.name(name).value(value));
    }

    /** A measured value in SI units, to six decimals (1 µV, 1 µA); NaN and infinities become null. */
    Json put(String name, double value) {
        return name(name).value(value);
    }

    Json value(String value) {
        return write(o -> o.value(value));
    }

    Json value(double value) {
        return write(o -> {
            if (Double.isFinite(value)) {
                o.value(Math.round(value * 1e6) / 1e6);
            } else {
                o.nullValue();
            }
        });
    }

    /** An array of {@code n} measured values, the i-th {@code value(i)}, each as {@link #value(double)} writes it. */
    Json numbers(String name, int n, IntToDoubleFunction value) {
        beginArray(name);
        for (int i = 0; i < n; i++) {
            value(value.applyAsDouble(i));
        }
        return endArray();
    }

    /** An array of {@code n} strings, the i-th {@code value(i)}. */
    Json strings(String name, int n, IntFunction<String> value) {
        beginArray(name);
        for (int i = 0; i < n; i++) {
            value(value.apply(i));
        }
        return endArray();
    }

    Json strings(String name, List<String> values) {
        return strings(name, values.size(), values::get);
    }

    /** Closes the outermost object and returns the text. */
    String done() {
        end();
        return text.toString();
    }
}
