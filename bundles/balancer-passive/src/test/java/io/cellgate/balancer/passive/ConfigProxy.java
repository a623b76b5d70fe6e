package io.cellgate.balancer.passive;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * Builds a component property type from properties the way DS does: a method name maps to its property name
 * ({@code _} to {@code .}), a missing property gives the annotation default, values are coerced to the return type.
 */
final class ConfigProxy {

    private ConfigProxy() {
    }

    static <T> T of(Class<T> type, Map<String, ?> properties) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> switch (method.getName()) {
                    case "annotationType" -> type;
                    case "toString" -> type.getSimpleName() + properties;
                    case "hashCode" -> properties.hashCode();
                    case "equals" -> proxy == args[0];
                    default -> value(method, properties);
                }));
    }

    private static Object value(Method method, Map<String, ?> properties) {
        String name = method.getName().replace("__", "\0").replace('_', '.').replace('\0', '_');
        Object raw = properties.containsKey(name) ? properties.get(name) : method.getDefaultValue();
        Class<?> type = method.getReturnType();
        if (type == int.class) {
            return raw instanceof Number n ? n.intValue() : Integer.parseInt(raw.toString().trim());
        }
        if (type == double.class) {
            return raw instanceof Number n ? n.doubleValue() : Double.parseDouble(raw.toString().trim());
        }
        return raw == null ? null : raw.toString();
    }
}
