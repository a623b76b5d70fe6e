package io.cellgate.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Everything a process prints on a terminal, read on a thread of its own so that the process never blocks on it. */
final class Screen {

    private final ByteArrayOutputStream shown = new ByteArrayOutputStream();

    /** Starts reading {@code in} (a process's output) until it ends. */
    Screen(InputStream in, String threadName) {
        Thread reader = new Thread(() -> pump(in), threadName);
        reader.setDaemon(true);
        reader.start();
    }

    private void pump(InputStream in) {
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                synchronized (shown) {
                    shown.write(buffer, 0, n);
                }
            }
        } catch (IOException closed) {
            // the process is gone
        }
    }

    /** What was printed so far, escape sequences and all. */
    String text() {
        synchronized (shown) {
            return shown.toString(StandardCharsets.UTF_8);
        }
    }
}
