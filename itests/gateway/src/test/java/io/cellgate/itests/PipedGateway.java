package io.cellgate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * gateway.jar with its console on a pipe: commands go in as lines, and each answer is read up to the echo of a
 * marker typed after it (the console does not echo what it reads).
 */
final class PipedGateway {
    private final Process process;
    private final Path out;
    private final Writer console;
    private int commands;

    PipedGateway(Path home) throws IOException {
        out = Files.createTempFile(home, "gateway", ".out");
        process = GatewayProcess.start(home, out, ProcessBuilder.Redirect.PIPE);
        console = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    String output() {
        try {
            return Files.readString(out);
        } catch (IOException e) {
            return "";
        }
    }

    /** Types a command and returns what the console printed for it. */
    String command(String line) throws Exception {
        String marker = "@@" + (++commands) + "@@";
        int from = output().length();
        console.write(line + "\necho " + marker + "\n");
        console.flush();
        String s = await(line, text -> text.indexOf(marker, from) >= 0);
        return s.substring(Math.min(from, s.length()), s.indexOf(marker, from));
    }

    String await(String what, Predicate<String> shown) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end) {
            String s = output();
            if (shown.test(s)) {
                return s;
            }
            if (!process.isAlive()) {
                fail("the gateway ended (status " + process.exitValue() + ") while waiting for " + what + ":\n"
                        + s);
            }
            Thread.sleep(50);
        }
        fail("no " + what + " within a minute:\n" + output() + "\nThe gateway's threads:\n"
                + GatewayProcess.threads(process));
        return null;
    }

    /** shutdown, as an operator stops it: every pack turns its outputs off, status 0. */
    void stop() throws Exception {
        console.write("shutdown\n");
        console.flush();
        assertTrue("stopped within 30 s:\n" + output(), process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(output(), 0, process.exitValue());
        assertTrue(output(), output().contains("pack1: stopped after"));
    }

    void kill() throws InterruptedException {
        GatewayProcess.end(process);
    }

    /** SIGKILL, as a power cut or {@code kill -9} ends it: nothing of the gateway runs after. */
    void killNow() throws InterruptedException {
        process.destroyForcibly();
        assertTrue("killed within 30 s", process.waitFor(30, TimeUnit.SECONDS));
    }
}
