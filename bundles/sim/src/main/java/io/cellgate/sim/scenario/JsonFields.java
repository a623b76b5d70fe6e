package io.cellgate.sim.scenario;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.Set;
import java.util.TreeSet;

/** Strict reading of a JSON object: unknown fields and wrong types are errors that name the field's path. */
final class JsonFields {

    private final JsonObject object;
    private final String path;

    JsonFields(JsonElement element, String path, Set<String> known) {
        if (element == null || !element.isJsonObject()) {
            throw new IllegalArgumentException(path + " must be a JSON object");
        }
        this.object = element.getAsJsonObject();
        this.path = path;
        for (String key : object.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("unknown field '" + name(key) + "'; known fields of " + path
                        + ": " + new TreeSet<>(known));
            }
        }
    }

    boolean has(String key) {
        return object.has(key) && !object.get(key).isJsonNull();
    }

    JsonElement get(String key) {
        return object.get(key);
    }

    String name(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    String string(String key) {
        JsonElement e = required(key);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new IllegalArgumentException(name(key) + " must be a string, got " + e);
        }
        return e.getAsString();
    }

    String string(String key, String fallback) {
        return has(key) ? string(key) : fallback;
    }

    double number(String key) {
        JsonElement e = required(key);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new IllegalArgumentException(name(key) + " must be a number, got " + e);
        }
        double v = e.getAsDouble();
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name(key) + " must be a finite number, got " + e);
        }
        return v;
    }

    double number(String key, double fallback) {
        return has(key) ? number(key) : fallback;
    }

    double positive(String key, double fallback) {
        double v = number(key, fallback);
        if (!(v > 0)) {
            throw new IllegalArgumentException(name(key) + " must be greater than 0, got " + v);
        }
        return v;
    }

    int integer(String key, int min, int max) {
        double v = number(key);
        if (v != Math.rint(v)) {
            throw new IllegalArgumentException(name(key) + " must be a whole number, got " + get(key));
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException(name(key) + "=" + (long) v + " is out of range: " + min + " to " + max);
        }
        return (int) v;
    }

    long whole(String key, long fallback) {
        if (!has(key)) {
            return fallback;
        }
        double v = number(key);
        if (v != Math.rint(v)) {
            throw new IllegalArgumentException(name(key) + " must be a whole number, got " + get(key));
        }
        return (long) v;
    }

    boolean bool(String key, boolean fallback) {
        if (!has(key)) {
            return fallback;
        }
        JsonElement e = get(key);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
            throw new IllegalArgumentException(name(key) + " must be true or false, got " + e);
        }
        return e.getAsBoolean();
    }

    double[] numbers(String key) {
        JsonElement e = required(key);
        if (!e.isJsonArray()) {
            throw new IllegalArgumentException(name(key) + " must be an array of numbers, got " + e);
        }
        JsonArray a = e.getAsJsonArray();
        double[] values = new double[a.size()];
        for (int i = 0; i < values.length; i++) {
            JsonElement x = a.get(i);
            if (!(x instanceof JsonPrimitive p) || !p.isNumber() || !Double.isFinite(p.getAsDouble())) {
                throw new IllegalArgumentException(name(key) + "[" + i + "] must be a finite number, got " + x);
            }
            values[i] = x.getAsDouble();
        }
        return values;
    }

    JsonArray array(String key) {
        JsonElement e = required(key);
        if (!e.isJsonArray()) {
            throw new IllegalArgumentException(name(key) + " must be an array, got " + e);
        }
        return e.getAsJsonArray();
    }

    private JsonElement required(String key) {
        if (!has(key)) {
            throw new IllegalArgumentException(name(key) + " is missing");
        }
        return object.get(key);
    }
}
