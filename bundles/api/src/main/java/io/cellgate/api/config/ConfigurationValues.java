package io.cellgate.api.config;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A component property type (an annotation interface such as a component's {@code Config}) read from a
 * configuration's properties the way Declarative Services reads it: a method {@code tick_ms()} reads the property
 * {@code tick.ms}, a missing property gives the method's default. Unlike DS, a value that is not of the method's
 * type is refused at once with a message naming the property and the value ({@code cells=abc is not a whole
 * number}) instead of an exception class name when the component reads it.
 */
public final class ConfigurationValues {

    private ConfigurationValues() {
    }

    /**
     * @throws IllegalArgumentException naming the first property whose value is not of its method's type
     */
    public static <A> A as(Class<A> type, Map<String, ?> properties) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Method m : type.getDeclaredMethods()) {
            if (m.getParameterCount() != 0) {
                continue;
            }
            String key = propertyName(m.getName());
            Object raw = properties.get(key);
            values.put(m.getName(), raw == null ? m.getDefaultValue() : coerce(key, raw, m.getReturnType(),
                    m.getDefaultValue()));
        }
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) ->
                switch (method.getName()) {
                    case "toString" -> type.getSimpleName() + values;
                    case "hashCode" -> values.hashCode();
                    case "equals" -> proxy == args[0];
                    case "annotationType" -> type;
                    default -> values.get(method.getName());
                }));
    }

    /** DS's mapping of a method name to a property name: {@code _} is a dot, {@code __} an underscore, {@code $_$} a dash. */
    public static String propertyName(String method) {
        StringBuilder b = new StringBuilder(method.length());
        for (int i = 0; i < method.length(); i++) {
            char c = method.charAt(i);
            if (method.startsWith("$_$", i)) {
                b.append('-');
                i += 2;
            } else if (method.startsWith("$$", i)) {
                b.append('$');
                i++;
            } else if (c == '$') {
                continue;
            } else if (method.startsWith("__", i)) {
                b.append('_');
                i++;
            } else {
                b.append(c == '_' ? '.' : c);
            }
        }
        return b.toString();
    }

    private static Object coerce(String key, Object raw, Class<?> to, Object fallback) {
        if (to == String[].class) { // every value, as text
            Object[] all = raw instanceof Collection<?> c ? c.toArray()
                    : raw.getClass().isArray() ? IntStream.range(0, Array.getLength(raw)).mapToObj(i -> Array.get(raw, i))
                            .toArray() : new Object[] {raw};
            return Arrays.stream(all).map(String::valueOf).toArray(String[]::new);
        }
        Object value = first(raw);
        if (value == null) {
            return fallback;
        }
        if (to == String.class) {
            return value.toString();
        }
        String text = value.toString().trim();
        try {
            if (to == int.class || to == long.class) {
                long whole = value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                        ? n.longValue() : Long.parseLong(text);
                if (to == int.class && whole != (int) whole) {
                    throw new IllegalArgumentException(key + "=" + value + " is out of range: at most "
                            + Integer.MAX_VALUE);
                }
                return to == int.class ? (Object) (int) whole : (Object) whole;
            }
            if (to == double.class) {
                return value instanceof Number n ? n.doubleValue() : Double.parseDouble(text);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + "=" + value + " is not " + (to == double.class ? "a number"
                    : "a whole number") + suggestion(key, fallback));
        }
        if (to == boolean.class) {
            if (value instanceof Boolean b) {
                return b;
            }
            String lower = text.toLowerCase(Locale.ROOT);
            if (lower.equals("true") || lower.equals("false")) {
                return Boolean.parseBoolean(lower);
            }
            throw new IllegalArgumentException(key + "=" + value + " is not true or false" + suggestion(key, fallback));
        }
        return value;
    }

    private static String suggestion(String key, Object fallback) {
        return fallback == null ? "" : ": write it as, e.g., " + key + "=" + fallback + " (the default)";
    }

    /** DS hands a single-valued method the first of several values. */
    private static Object first(Object raw) {
        if (raw instanceof Collection<?> c) {
            return c.isEmpty() ? null : c.iterator().next();
        }
        if (raw.getClass().isArray()) {
            return Array.getLength(raw) == 0 ? null : Array.get(raw, 0);
        }
        return raw;
    }
}
