package io.cellgate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.Test;

/** The gateway's console on a real terminal: what Ctrl-C, {@code stop 0} and {@code shutdown} do to the process. */
public class ConsoleIT {

    @Test
    public void ctrlCClearsTheLineAndEndsWatchButTheGatewayRunsOnUntilStop0() throws Exception {
        try (GatewayConsole console = new GatewayConsole()) {
            console.awaitReady();

            console.type("cellgate:pac");
            console.await("the half-typed command", s -> s.contains("cellgate:pac"));
            ctrlCBringsAFreshPrompt(console, "at the prompt");
            console.type("cellgate:faults pack1\r");
            console.await("the next command, on a cleared line", s -> s.contains("no faults"));
            assertFalse(console.screen().contains("cellgate:paccellgate:faults"));

            console.type("cellgate:watch pack1\r");
            console.await("the live view", s -> s.contains("pack1: 20 NCM cells"));
            ctrlCBringsAFreshPrompt(console, "in cellgate:watch");
            console.type("lb\r");
            console.await("the bundles after the watch", s -> s.contains("Cellgate shell"));

            // libraries' java.util.logging lines go through the OSGi log, above the prompt, at the console's levels
            String afterStart = console.screenAfter("packs 1 (");
            assertFalse(afterStart, afterStart.contains("INFO: Registered provider"));

            console.type("stop 0\r");
            assertEquals("an orderly stop ends with status 0", 0, console.awaitExit());
            assertTrue("every pack stopped, outputs off", console.screen().contains("pack1: stopped after"));
        }
    }

    /**
     * Types Ctrl-C, waits for the fresh prompt it brings and checks that the gateway runs on. Each key is typed only
     * once the console has shown the previous one's effect: on a loaded machine the signal behind Ctrl-C can take
     * well over a second to reach JLine. A fresh prompt is one with nothing typed after it: a log line printed while
     * the operator types draws the prompt again too, with the typed text (aLogLineIsPrintedAboveTheLineBeingTyped…),
     * and counting prompts alone took that for Ctrl-C's, so the next command was typed onto the old text before the
     * signal arrived.
     */
    private static void ctrlCBringsAFreshPrompt(GatewayConsole console, String where) throws Exception {
        int before = prompts(console.screen());
        console.type(GatewayConsole.CTRL_C);
        console.await("a fresh prompt after Ctrl-C " + where, s -> prompts(s) > before && endsWithEmptyPrompt(s));
        assertTrue("Ctrl-C " + where + " leaves the gateway running", console.alive());
    }

    @Test
    public void updateSaysWhatToDoForABundleFromInsideTheJarAndShutdownEndsWithStatusZero() throws Exception {
        try (GatewayConsole console = new GatewayConsole()) {
            console.awaitReady();
            console.type("lb -s\r");
            String listed = console.await("the bundles", s -> s.contains("io.cellgate.balancer.aeq12"));
            Matcher aeq = Pattern.compile("(?m)^\\s*(\\d+)\\|Active.*\\|io\\.cellgate\\.balancer\\.aeq12 ")
                    .matcher(listed);
            assertTrue(listed, aeq.find());
            String id = aeq.group(1);

            console.type("cellgate:update " + id + "\r");
            String refused = console.await("the refusal", s -> s.contains("has no file to update from"));
            assertFalse("no exception class or stack trace: " + refused,
                    refused.contains("Exception") || refused.contains("\tat "));
            try (Stream<Path> jars = Files.list(GatewayProcess.ROOT.resolve("features/gateway/target/export/gateway"))) {
                Path jar = jars.filter(p -> p.getFileName().toString().startsWith("io.cellgate.balancer.aeq12"))
                        .findFirst().orElseThrow();
                console.type("cellgate:update " + id + " " + jar + "\r");
            }
            console.await("the update", s -> s.contains("io.cellgate.balancer.aeq12 0.1.0.SNAPSHOT) updated from"));

            console.type("shutdown\r");
            assertEquals(0, console.awaitExit());
            assertTrue(console.screen().contains("pack1: stopped after"));
        }
    }

    @Test
    public void aLogLineIsPrintedAboveTheLineBeingTypedAndOnlyOnce() throws Exception {
        try (GatewayConsole console = new GatewayConsole()) {
            console.awaitReady();
            console.type("cellgate:pac");
            Thread.sleep(300);
            // A change in config/ makes the pack log while the operator is typing.
            Path pack = console.dir.resolve("config/io.cellgate.pack-pack1.cfg");
            Files.writeString(pack, Files.readString(pack).replaceAll("(?m)^tick\\.ms *=.*$", "") + "\ntick.ms=250\n");
            console.await("the log line", s -> s.contains("pack1: tick 100 ms -> 250 ms"));
            assertTrue("the prompt and the typed text are drawn again below the log line: "
                    + console.screenAfter("-> 250 ms"), console.screenAfter("-> 250 ms").contains("cellgate:pac"));
            console.type("ks\r");
            console.await("the completed command", s -> s.contains("PACK "));

            // Restarting the shell bundle prints what it missed while stopped, not the whole log again.
            console.type("lb -s\r");
            String listed = console.await("the bundles", s -> s.contains("io.cellgate.shell "));
            Matcher shell = Pattern.compile("(?m)^\\s*(\\d+)\\|Active.*\\|io\\.cellgate\\.shell ").matcher(listed);
            assertTrue(listed, shell.find());
            console.type("stop " + shell.group(1) + "\r");
            Thread.sleep(500);
            console.type("start " + shell.group(1) + "\r");
            Thread.sleep(1000);
            console.type("cellgate:stats\r");
            console.await("the shell back", s -> s.split("packs 1 \\(", -1).length == 3);
            assertEquals("the start-up log once: " + console.screen(), 1,
                    console.screen().split("first healthy tick", -1).length - 1);
            console.type("shutdown\r");
            assertEquals(0, console.awaitExit());
        }
    }

    /**
     * Whether the console shows a prompt last, with nothing typed after it: {@code g!}, then only the time that Gogo
     * shows at the right end of the line (JLine draws it before the cursor goes back to echo what is typed).
     */
    private static boolean endsWithEmptyPrompt(String screen) {
        return EMPTY_PROMPT.matcher(screen.stripTrailing()).find();
    }

    private static final Pattern EMPTY_PROMPT = Pattern.compile("g!\\s*(\\d{1,2}:\\d{2}:\\d{2})?$");

    /** How many prompts the console has shown. */
    private static int prompts(String screen) {
        return screen.split("g!", -1).length - 1; // what follows the prompt depends on how JLine redraws it
    }
}
