package io.cellgate.web;

import io.cellgate.operate.Refusal;
import org.osgi.service.component.annotations.Component;

/**
 * {@code cellgate:password PASSWORD}: prints the line to put in {@code config/io.cellgate.web.cfg} for the web
 * console to ask for that password. The password is hashed here and goes nowhere else; the command's output is the
 * hash only.
 */
@Component(service = PasswordCommand.class, property = {"osgi.command.scope=cellgate",
        "osgi.command.function=password"})
public final class PasswordCommand {

    /** The line for the configuration file. */
    public String password(String password) {
        if (password.length() < 8) {
            throw new Refusal("a password of 8 characters or more, please");
        }
        return "password.hash=" + PasswordHash.hash(password.toCharArray()) + "\n# put this line in "
                + AccessRules.CONFIG_FILE + " (and user=NAME to log in as other than admin)\n";
    }

    public String password() {
        return "usage: cellgate:password PASSWORD (quote it if it has spaces); prints the line for "
                + AccessRules.CONFIG_FILE + "\n";
    }
}
