package io.cellgate.ssh.internal;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * What the shell and the single command of an SSH channel share: the channel's streams, a thread of their own that
 * runs them (SSHD's own threads must not block), and the exit status handed back to the client.
 */
abstract class ChannelCommand implements Command {

    /** Gogo session variable naming the SSH login, so that the console's log stays on the local console. */
    static final String REMOTE = "cellgate.remote";

    protected InputStream in;
    protected OutputStream out;
    protected OutputStream err;
    private ExitCallback exit;
    private Thread thread;

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback exit) {
        this.exit = exit;
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
        String login = login(channel);
        thread = new Thread(() -> {
            int status = 1;
            try {
                status = run(channel, env, login);
            } finally {
                exit.onExit(status);
            }
        }, "cellgate-ssh " + login);
        thread.setDaemon(true);
        thread.start();
    }

    /** Runs what the client asked for and returns the exit status; errors are written to the client, not thrown. */
    abstract int run(ChannelSession channel, Environment env, String login);

    @Override
    public void destroy(ChannelSession channel) {
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** user@address of the channel's session, for thread names, the log and the shell's variables. */
    static String login(ChannelSession channel) {
        SocketAddress client = channel.getSession().getClientAddress();
        return channel.getSession().getUsername() + "@" + (client instanceof InetSocketAddress a
                ? a.getAddress().getHostAddress() + ":" + a.getPort() : String.valueOf(client));
    }
}
