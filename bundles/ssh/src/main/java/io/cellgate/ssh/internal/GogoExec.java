package io.cellgate.ssh.internal;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.channel.ChannelSession;

/**
 * One command line given on the ssh command line ({@code ssh -p 8101 host cellgate:packs}): run in a Gogo session of
 * its own, its result printed as at the console, exit status 0, or its error as a sentence on stderr and status 1.
 */
final class GogoExec extends ChannelCommand {

    private final CommandProcessor processor;
    private final String commandLine;

    GogoExec(CommandProcessor processor, String commandLine) {
        this.processor = processor;
        this.commandLine = commandLine;
    }

    @Override
    int run(ChannelSession channel, Environment env, String login) {
        PrintStream stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream stderr = new PrintStream(err, true, StandardCharsets.UTF_8);
        try (CommandSession session = processor.createSession(in, stdout, stderr)) {
            session.put(REMOTE, login);
            Object result = session.execute(commandLine);
            if (result != null) {
                stdout.println(session.format(result, Converter.INSPECT));
            }
            return 0;
        } catch (Exception e) {
            stderr.println(e.getMessage() == null ? "'" + commandLine + "' failed" : e.getMessage());
            return 1;
        } finally {
            stdout.flush();
            stderr.flush();
        }
    }
}
