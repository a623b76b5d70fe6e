package io.cellgate.driver.linux.testing;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A component property type (the configuration annotation of a component) over a map, as SCR builds it: a method
 * {@code cell_min_volts()} reads the property {@code cell.min.volts}, and falls back to its default.
 */
public final class Configs {

    private Configs() {
    }

    /** @param keyValues property name, value, name, value, ... */
    public static <A> A of(Class<A> type, Object... keyValues) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put((String) keyValues[i], keyValues[i + 1]);
        }
        return of(type, values);
    }

    public static <A> A of(Class<A> type, Map<String, Object> values) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, m, args) -> {
            switch (m.getName()) {
                case "toString":
                    return type.getSimpleName() + values;
                case "hashCode":
                    return values.hashCode();
                case "equals":
                    return proxy == args[0];
                case "annotationType":
                    return type;
                default:
                    String key = m.getName().replace('_', '.');
                    return convert(values.containsKey(key) ? values.get(key) : m.getDefaultValue(), m);
            }
        }));
    }

    private static Object convert(Object v, Method m) {
        Class<?> t = m.getReturnType();
        if (v == null) {
            return t.isArray() ? Array.newInstance(t.getComponentType(), 0) : t.isPrimitive() ? zero(t) : null;
        }
        if (t.isArray() && !v.getClass().isArray()) {
            List<?> items = v instanceof List<?> l ? l : List.of(v);
            Object a = Array.newInstance(t.getComponentType(), items.size());
            for (int i = 0; i < items.size(); i++) {
                Array.set(a, i, items.get(i));
            }
            return a;
        }
        if (v instanceof Number n) {
            if (t == int.class) {
                return n.intValue();
            }
            if (t == long.class) {
                return n.longValue();
            }
            if (t == double.class) {
                return n.doubleValue();
            }
        }
        return v;
    }

    private static Object zero(Class<?> t) {
        if (t == boolean.class) {
            return false;
        }
        if (t == int.class) {
            return 0;
        }
        if (t == long.class) {
            return 0L;
        }
        return 0.0;
    }
}
