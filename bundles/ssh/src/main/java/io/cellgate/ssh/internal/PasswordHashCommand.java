package io.cellgate.ssh.internal;

import java.util.Arrays;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.jline.reader.LineReader;
import org.osgi.service.component.annotations.Component;

/**
 * {@code cellgate:passwordhash}: asks for a password twice, unechoed, and prints the line that enables password logins
 * over SSH with it. The password goes nowhere else: not into the history, not into a file.
 */
@Component(service = PasswordHashCommand.class, property = {"osgi.command.scope=cellgate",
        "osgi.command.function=passwordhash"})
public final class PasswordHashCommand {

    @Descriptor("make the password.hash line of config/io.cellgate.ssh.cfg for an SSH password; asks for it twice")
    public String passwordhash(CommandSession session) {
        if (!(session.get(".reader") instanceof LineReader reader)) {
            throw new CommandRefused("cellgate:passwordhash asks for the password at an interactive shell: "
                    + "run it at the console or in 'cellgate shell', not as a single ssh command");
        }
        char[] first = reader.readLine("new SSH password: ", '*').toCharArray();
        char[] second = reader.readLine("again: ", '*').toCharArray();
        try {
            if (first.length < 12) {
                throw new CommandRefused("that password has fewer than 12 characters: choose a longer one");
            }
            if (!Arrays.equals(first, second)) {
                throw new CommandRefused("the two passwords differ: nothing was made, try again");
            }
            return "password.hash=" + PasswordHash.of(first)
                    + "\n# put this line into config/io.cellgate.ssh.cfg (/etc/cellgate/ on a gateway box)";
        } finally {
            Arrays.fill(first, ' ');
            Arrays.fill(second, ' ');
        }
    }
}
