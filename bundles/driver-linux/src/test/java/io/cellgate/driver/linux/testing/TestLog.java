package io.cellgate.driver.linux.testing;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.osgi.service.log.Logger;

/** An OSGi {@link Logger} that keeps "LEVEL message" lines, placeholders filled in. */
public final class TestLog {

    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final Logger logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(),
            new Class<?>[] {Logger.class}, (proxy, m, args) -> {
                String name = m.getName();
                if (name.startsWith("is")) {
                    return true;
                }
                if (name.equals("getName")) {
                    return "test";
                }
                if (args != null && args.length > 0 && args[0] instanceof String format) {
                    lines.add(name.toUpperCase() + " " + format(format, args));
                }
                return null;
            });

    public Logger logger() {
        return logger;
    }

    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** Lines that contain {@code text}. */
    public List<String> matching(String text) {
        return lines().stream().filter(l -> l.contains(text)).toList();
    }

    private static String format(String format, Object[] args) {
        List<Object> values = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i] instanceof Object[] varargs) {
                values.addAll(List.of(varargs));
            } else {
                values.add(args[i]);
            }
        }
        StringBuilder b = new StringBuilder();
        int v = 0;
        for (int i = 0; i < format.length(); i++) {
            if (format.startsWith("{}", i) && v < values.size()) {
                b.append(values.get(v++));
                i++;
            } else {
                b.append(format.charAt(i));
            }
        }
        return b.toString();
    }
}
