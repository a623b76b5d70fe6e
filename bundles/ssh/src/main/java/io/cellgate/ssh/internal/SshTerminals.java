package io.cellgate.ssh.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.EnumSet;
import java.util.Map;
import org.apache.sshd.common.channel.PtyMode;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.Signal;
import org.jline.terminal.Attributes;
import org.jline.terminal.Attributes.ControlChar;
import org.jline.terminal.Attributes.InputFlag;
import org.jline.terminal.Attributes.LocalFlag;
import org.jline.terminal.Attributes.OutputFlag;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * A JLine terminal over an SSH channel, with the line discipline the client's pty asked for: its interrupt character
 * (Ctrl-C) raises SIGINT in the terminal, which the Gogo shell turns into interrupting the command in the foreground,
 * and the window size follows the client's.
 */
final class SshTerminals {

    private static final Map<PtyMode, ControlChar> CONTROL_CHARS = Map.ofEntries(
            Map.entry(PtyMode.VINTR, ControlChar.VINTR), Map.entry(PtyMode.VQUIT, ControlChar.VQUIT),
            Map.entry(PtyMode.VERASE, ControlChar.VERASE), Map.entry(PtyMode.VKILL, ControlChar.VKILL),
            Map.entry(PtyMode.VEOF, ControlChar.VEOF), Map.entry(PtyMode.VEOL, ControlChar.VEOL),
            Map.entry(PtyMode.VEOL2, ControlChar.VEOL2), Map.entry(PtyMode.VSTART, ControlChar.VSTART),
            Map.entry(PtyMode.VSTOP, ControlChar.VSTOP), Map.entry(PtyMode.VSUSP, ControlChar.VSUSP),
            Map.entry(PtyMode.VREPRINT, ControlChar.VREPRINT), Map.entry(PtyMode.VWERASE, ControlChar.VWERASE),
            Map.entry(PtyMode.VLNEXT, ControlChar.VLNEXT), Map.entry(PtyMode.VDISCARD, ControlChar.VDISCARD));
    private static final Map<PtyMode, LocalFlag> LOCAL_FLAGS = Map.of(PtyMode.ECHO, LocalFlag.ECHO,
            PtyMode.ICANON, LocalFlag.ICANON, PtyMode.ISIG, LocalFlag.ISIG, PtyMode.IEXTEN, LocalFlag.IEXTEN);
    private static final Map<PtyMode, InputFlag> INPUT_FLAGS = Map.of(PtyMode.ICRNL, InputFlag.ICRNL,
            PtyMode.INLCR, InputFlag.INLCR, PtyMode.IGNCR, InputFlag.IGNCR);
    private static final Map<PtyMode, OutputFlag> OUTPUT_FLAGS = Map.of(PtyMode.OPOST, OutputFlag.OPOST,
            PtyMode.ONLCR, OutputFlag.ONLCR, PtyMode.OCRNL, OutputFlag.OCRNL, PtyMode.ONLRET, OutputFlag.ONLRET);

    private SshTerminals() {
    }

    /** A terminal on the channel's streams; {@code env} carries the client's TERM, size and pty modes. */
    static Terminal open(InputStream in, OutputStream out, Environment env) throws IOException {
        Map<String, String> vars = env.getEnv();
        Terminal terminal = TerminalBuilder.builder().name("cellgate ssh").system(false).streams(in, out)
                .type(vars.getOrDefault(Environment.ENV_TERM, "vt100")).attributes(attributes(env.getPtyModes()))
                .size(size(vars)).build();
        env.addSignalListener((channel, signal) -> {
            terminal.setSize(size(vars));
            terminal.raise(Terminal.Signal.WINCH);
        }, Signal.WINCH);
        return terminal;
    }

    /** A sane interactive line discipline (Ctrl-C interrupts, CR is Enter, LF prints as CR LF), then the client's. */
    static Attributes attributes(Map<PtyMode, Integer> modes) {
        Attributes a = new Attributes();
        a.setLocalFlags(EnumSet.of(LocalFlag.ECHO, LocalFlag.ICANON, LocalFlag.ISIG, LocalFlag.IEXTEN), true);
        a.setInputFlag(InputFlag.ICRNL, true);
        a.setOutputFlags(EnumSet.of(OutputFlag.OPOST, OutputFlag.ONLCR), true);
        a.setControlChar(ControlChar.VINTR, 3);
        a.setControlChar(ControlChar.VEOF, 4);
        a.setControlChar(ControlChar.VERASE, 127);
        a.setControlChar(ControlChar.VSUSP, 26);
        modes.forEach((mode, value) -> {
            if (CONTROL_CHARS.containsKey(mode)) {
                a.setControlChar(CONTROL_CHARS.get(mode), value);
            } else if (LOCAL_FLAGS.containsKey(mode)) {
                a.setLocalFlag(LOCAL_FLAGS.get(mode), value != 0);
            } else if (INPUT_FLAGS.containsKey(mode)) {
                a.setInputFlag(INPUT_FLAGS.get(mode), value != 0);
            } else if (OUTPUT_FLAGS.containsKey(mode)) {
                a.setOutputFlag(OUTPUT_FLAGS.get(mode), value != 0);
            }
        });
        return a;
    }

    private static Size size(Map<String, String> vars) {
        return new Size(number(vars.get(Environment.ENV_COLUMNS), 80), number(vars.get(Environment.ENV_LINES), 24));
    }

    private static int number(String value, int otherwise) {
        try {
            return value == null ? otherwise : Math.max(1, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
