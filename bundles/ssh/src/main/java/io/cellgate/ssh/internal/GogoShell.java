package io.cellgate.ssh.internal;

import java.io.IOException;
import org.apache.felix.gogo.jline.Shell;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.channel.ChannelSession;
import org.jline.terminal.Terminal;
import org.osgi.framework.BundleContext;
import org.osgi.service.log.Logger;

/**
 * The interactive Gogo shell of one SSH login, as Felix's console runs it (a login shell with its profile, its
 * completion and its Ctrl-C), except that ending it ends this login and never the gateway.
 */
final class GogoShell extends ChannelCommand {

    /** --noshutdown: leaving the shell must not stop the framework, as a console's login shell would. */
    private static final String[] GOSH_ARGS = {"--login", "--noshutdown", "--nohistory"};
    private static final String GOSH_HOME = "gosh.home";

    private final BundleContext context;
    private final CommandProcessor processor;
    private final Logger log;
    private volatile Terminal terminal;

    GogoShell(BundleContext context, CommandProcessor processor, Logger log) {
        this.context = context;
        this.processor = processor;
        this.log = log;
    }

    @Override
    int run(ChannelSession channel, Environment env, String login) {
        try (Terminal t = SshTerminals.open(in, out, env);
                CommandSession session = processor.createSession(t.input(), t.output(), t.output())) {
            terminal = t;
            log.info("ssh: {} logged in", login);
            session.put(Shell.VAR_TERMINAL, t);
            session.put(REMOTE, login);
            t.writer().println("Cellgate " + context.getBundle().getVersion() + ": the gateway's Gogo shell. "
                    + "cellgate:help lists the commands; Ctrl-C ends a command, Ctrl-D this session.");
            t.flush();
            new Shell(new EndsThisLogin(channel), processor).gosh(session, GOSH_ARGS);
            return 0;
        } catch (Exception e) {
            if (!channel.isClosing()) {
                log.warn("ssh: the shell of {} ended: {}", login, e.getMessage());
            }
            return 1;
        } finally {
            log.info("ssh: {} logged out", login);
        }
    }

    @Override
    public void destroy(ChannelSession channel) {
        Terminal t = terminal;
        if (t != null) {
            try {
                t.close(); // the line reader waiting for input ends with end of file
            } catch (IOException ignored) {
                // already closed
            }
        }
        super.destroy(channel);
    }

    /** Gogo asks its context to exit where a console would stop the framework: here only the login ends. */
    private final class EndsThisLogin implements Shell.Context {
        private final ChannelSession channel;

        EndsThisLogin(ChannelSession channel) {
            this.channel = channel;
        }

        /**
         * The gateway's properties, but for gosh.home: the service points it at an empty profile for the local
         * console it runs without a terminal (docs/install.md), and an SSH login keeps Gogo's own profile (prompt,
         * completion) from the working folder as before.
         */
        @Override
        public String getProperty(String name) {
            return GOSH_HOME.equals(name) ? null : context.getProperty(name);
        }

        @Override
        public void exit() {
            channel.close(false);
        }
    }
}
