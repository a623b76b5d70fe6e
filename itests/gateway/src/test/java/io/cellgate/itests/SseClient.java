package io.cellgate.itests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A Server-Sent Events client on a plain socket, as a browser's EventSource reads a stream: an HTTP/1.0 request (so
 * the body is the stream itself, not chunked), the status line, then events of {@code event:} and {@code data:}
 * lines ended by a blank line. {@link #close()} closes the connection as a closed tab does.
 */
final class SseClient implements AutoCloseable {

    /** One event, with the time it was read. */
    record Event(String name, String data, long receivedMillis) {
    }

    private final Socket socket;
    private final BufferedReader in;
    final int status;

    SseClient(int port, String path) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(20_000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1:" + port + "\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        String statusLine = in.readLine();
        status = Integer.parseInt(statusLine.split(" ")[1]);
        for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
            // headers: not needed
        }
    }

    /** The next event (comments and retry lines skipped), or null when the stream ended. */
    Event next() throws IOException {
        String name = "message";
        StringBuilder data = null;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.isEmpty()) {
                if (data != null) {
                    return new Event(name, data.toString(), System.currentTimeMillis());
                }
                name = "message";
            } else if (line.startsWith("event: ")) {
                name = line.substring(7);
            } else if (line.startsWith("data: ")) {
                data = (data == null ? new StringBuilder() : data.append('\n')).append(line.substring(6));
            }
        }
        return null;
    }

    /** The body after the headers, for an answer that is no stream (an error). */
    String rest() throws IOException {
        StringBuilder b = new StringBuilder();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            b.append(line).append('\n');
        }
        return b.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
