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
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * {@code help SCOPE} ({@code help cellgate}, {@code help sim}) lists a scope's commands with their descriptions;
 * anything else goes to the console's own help. That one ({@code gogo:help}, which {@code help} runs) knows commands
 * by name only and prints nothing for a scope, so this one takes its place under the same name by a higher service
 * ranking, and hands it every other question.
 */
@Component(service = HelpCommand.class, property = {"osgi.command.scope=gogo", "osgi.command.function=help",
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
    public Object help(CommandSession session) throws Exception {
        return consoleHelp(session, null);
    }

    @Descriptor("the commands of a scope (help cellgate, help sim) with their descriptions, or one command's help")
    public Object help(CommandSession session,
            @Descriptor("a scope, or a command such as cellgate:cells") String name) throws Exception {
        Map<String, String> commands = commandsOf(name);
        if (commands.isEmpty()) {
            return consoleHelp(session, name);
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

    /** The help this one stands in front of: the console's ({@code gogo:help}), else Felix's ({@code felix:help}). */
    private Object consoleHelp(CommandSession session, String name) throws Exception {
        for (String scope : List.of("gogo", "felix")) {
            ServiceReference<?>[] refs = context.getServiceReferences((String) null,
                    "(&(" + SCOPE + "=" + scope + ")(" + FUNCTION + "=help))");
            for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
                if (context.getBundle().equals(ref.getBundle())) {
                    continue;
                }
                Object help = context.getService(ref);
                try {
                    Optional<Object> answer = call(help, session, name);
                    if (answer.isPresent()) {
                        return answer.get() == NOTHING ? null : answer.get();
                    }
                } finally {
                    context.ungetService(ref);
                }
            }
        }
        throw new CommandError("no help: the console's commands (org.apache.felix.gogo.jline or .command) are not "
                + "running");
    }

    private static final Object NOTHING = new Object();

    /** Calls help(session[, name]) or help([name]), whichever the service has; empty when it has neither. */
    private static Optional<Object> call(Object help, CommandSession session, String name) throws Exception {
        Object[][] forms = name == null
                ? new Object[][] {{session}, {}}
                : new Object[][] {{session, name}, {name}};
        Class<?>[][] types = name == null
                ? new Class<?>[][] {{CommandSession.class}, {}}
                : new Class<?>[][] {{CommandSession.class, String.class}, {String.class}};
        for (int i = 0; i < forms.length; i++) {
            Method m;
            try {
                m = help.getClass().getMethod("help", types[i]);
            } catch (NoSuchMethodException notThisForm) {
                continue;
            }
            try {
                Object result = m.invoke(help, forms[i]);
                return Optional.of(result == null ? NOTHING : result);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
        return Optional.empty();
    }
}
