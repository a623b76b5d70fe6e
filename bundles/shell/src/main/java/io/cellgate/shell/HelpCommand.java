package io.cellgate.shell;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * {@code help SCOPE} ({@code help cellgate}, {@code help sim}) lists a scope's commands with their descriptions;
 * anything else goes to Felix's own help. Felix's help knows commands by name only and prints nothing for a scope,
 * so this one takes its place under the same name, {@code felix:help}, by a higher service ranking.
 */
@Component(service = HelpCommand.class, property = {"osgi.command.scope=felix", "osgi.command.function=help",
        "service.ranking:Integer=1"})
public final class HelpCommand {

    private static final String SCOPE = "osgi.command.scope";
    private static final String FUNCTION = "osgi.command.function";

    private final BundleContext context;

    @Activate
    public HelpCommand(BundleContext context) {
        this.context = context;
    }

    @Descriptor("list every command")
    public Object help() throws Exception {
        return felixHelp(new Class<?>[0]);
    }

    @Descriptor("the commands of a scope (help cellgate, help sim) with their descriptions, or one command's help")
    public Object help(@Descriptor("a scope, or a command such as cellgate:cells") String name) throws Exception {
        Map<String, String> commands = commandsOf(name);
        if (commands.isEmpty()) {
            return felixHelp(new Class<?>[] {String.class}, name);
        }
        int width = commands.keySet().stream().mapToInt(String::length).max().orElse(0);
        StringBuilder b = new StringBuilder();
        commands.forEach((command, description) -> b.append(String.format(Locale.ROOT, "%-" + width + "s  %s%n",
                command, description)));
        return b.append("help SCOPE:COMMAND shows a command's options and arguments\n").toString();
    }

    /** scope:function to its description, from the {@code @Descriptor} of its fullest form. */
    private Map<String, String> commandsOf(String scope) throws InvalidSyntaxException {
        Map<String, String> commands = new TreeMap<>();
        if (scope.contains(":") || scope.contains("(") || scope.contains("*")) {
            return commands;
        }
        ServiceReference<?>[] refs = context.getServiceReferences((String) null, "(" + SCOPE + "=" + scope + ")");
        for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
            Object service = context.getService(ref);
            if (service == null) {
                continue;
            }
            try {
                for (String function : functions(ref.getProperty(FUNCTION))) {
                    commands.put(scope + ":" + function, description(service, function).orElse(""));
                }
            } finally {
                context.ungetService(ref);
            }
        }
        return commands;
    }

    private static List<String> functions(Object property) {
        if (property instanceof String[] names) {
            return Arrays.asList(names);
        }
        return property == null ? List.of() : List.of(String.valueOf(property));
    }

    private static Optional<String> description(Object service, String function) {
        return Arrays.stream(service.getClass().getMethods())
                .filter(m -> m.getName().equals(function) && m.isAnnotationPresent(Descriptor.class))
                .max(Comparator.comparingInt(Method::getParameterCount))
                .map(m -> m.getAnnotation(Descriptor.class).value());
    }

    /** Felix's own help (gogo.command's), the next {@code felix:help} service after this one. */
    private Object felixHelp(Class<?>[] types, Object... args) throws Exception {
        ServiceReference<?>[] refs = context.getServiceReferences((String) null,
                "(&(" + SCOPE + "=felix)(" + FUNCTION + "=help))");
        for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
            if (ref.getBundle() != null && ref.getBundle().equals(context.getBundle())) {
                continue;
            }
            Object basic = context.getService(ref);
            try {
                return basic.getClass().getMethod("help", types).invoke(basic, args);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            } finally {
                context.ungetService(ref);
            }
        }
        throw new CommandError("no help: the Felix shell commands (org.apache.felix.gogo.command) are not running");
    }
}
