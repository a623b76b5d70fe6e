package io.cellgate.itests;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Debian's OpenSSH client ({@code ssh}, {@code ssh-keygen}; package openssh-client) against a gateway's SSH shell on
 * loopback: keys made for the test, the gateway's host key checked against the public half it writes, never the
 * user's own keys, agent or known_hosts.
 */
final class OpenSsh {

    /** What an ssh command printed (out and err together) and its exit status. */
    record Result(int status, String output) {
    }

    private OpenSsh() {
    }

    /** A new Ed25519 key pair without passphrase: {@code file} and {@code file.pub}. */
    static Path newKey(Path file) throws IOException, InterruptedException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(Path.of(file + ".pub"));
        Result r = run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "cellgate-itest", "-f",
                file.toString()), 30);
        if (r.status() != 0) {
            throw new IllegalStateException("ssh-keygen failed: " + r.output());
        }
        return file;
    }

    /** A known_hosts file that trusts exactly the host key whose public half is {@code hostKeyPub}. */
    static Path knownHosts(Path file, int port, Path hostKeyPub) throws IOException {
        Files.writeString(file, "[127.0.0.1]:" + port + " " + Files.readString(hostKeyPub).trim() + "\n");
        return file;
    }

    /** The ssh command line that logs in with {@code key} only, checking the host strictly, never asking. */
    static List<String> ssh(Path key, int port, Path knownHosts, String... options) {
        List<String> cmd = new ArrayList<>(List.of("ssh", "-p", String.valueOf(port), "-i", key.toString(),
                "-F", "/dev/null", "-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none", "-o", "BatchMode=yes",
                "-o", "StrictHostKeyChecking=yes", "-o", "UserKnownHostsFile=" + knownHosts, "-o", "LogLevel=ERROR"));
        cmd.addAll(List.of(options));
        cmd.add("operator@127.0.0.1");
        return cmd;
    }

    /** Runs {@code cmd} (ssh or any other command) to its end (at most {@code seconds}), its input empty. */
    static Result run(List<String> cmd, int seconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(
                Path.of("/dev/null").toFile())).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(cmd + " did not end within " + seconds + " s");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /** An interactive session: {@code ssh -tt}, keys typed into it, its screen read back. */
    static final class Session implements AutoCloseable {
        private final Process process;
        private final OutputStream keyboard;
        private final Screen screen;

        Session(List<String> sshWithoutCommand) throws IOException {
            List<String> cmd = new ArrayList<>(sshWithoutCommand);
            cmd.add(1, "-tt"); // a terminal on the gateway's side though this side has none: the shell, Ctrl-C
            process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            keyboard = process.getOutputStream();
            screen = new Screen(process.getInputStream(), "ssh-session-reader");
        }

        String screen() {
            return screen.text();
        }

        void type(String keys) throws IOException {
            keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
            keyboard.flush();
        }

        /** Waits (a minute at most) until what the session printed after {@code from} characters matches. */
        String await(String what, int from, Predicate<String> shown) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < end) {
                String s = screen();
                String after = s.substring(Math.min(from, s.length()));
                if (shown.test(after)) {
                    return after;
                }
                if (!process.isAlive()) {
                    throw new AssertionError("the ssh session ended while waiting for " + what + ":\n" + s);
                }
                Thread.sleep(100);
            }
            throw new AssertionError("no " + what + " within a minute:\n" + screen());
        }

        int awaitExit() throws InterruptedException {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the ssh session did not end within 30 s:\n" + screen());
            }
            return process.exitValue();
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }
}
