package io.cellgate.web;

import io.cellgate.operate.Refusal;
import org.apache.felix.service.command.Descriptor;
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
    @Descriptor("print the password.hash line for config/io.cellgate.web.cfg: the web console then asks for this "
            + "password before any change")
    public String password(@Descriptor("the password, 8 characters or more; quote it if it has spaces")
            String password) {
        if (password.length() < 8) {
            throw new Refusal("a password of 8 characters or more, please");
        }
        return "password.hash=" + PasswordHash.hash(password.toCharArray()) + "\n# put this line in "
                + AccessRules.CONFIG_FILE + " (and user=NAME to log in as other than admin)\n";
    }

    @Descriptor("how to make the web console's password hash")
    public String password() {
        return "usage: cellgate:password PASSWORD (quote it if it has spaces); prints the line for "
                + AccessRules.CONFIG_FILE + "\n";
    }
}
