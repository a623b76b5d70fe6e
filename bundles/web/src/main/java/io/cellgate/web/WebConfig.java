package io.cellgate.web;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The web console's live streams and who may use it. The address and port are Felix HTTP's (configuration
 * {@code org.apache.felix.http}, loopback by default), the same as Prometheus' {@code /metrics}.
 */
@ObjectClassDefinition(name = "Cellgate web console", description = "The packs overview and "
        + "pack pages, and their JSON and Server-Sent Events API, on the HTTP whiteboard.")
@interface WebConfig {

    @AttributeDefinition(name = "Event interval (ms)", description = "The least time between two events of one pack "
            + "on a stream, 100 to 60000 ms: a pack ticking faster is sent at most this often, one that ticks slower "
            + "at each tick.", min = "100", max = "60000")
    long events_interval_ms() default 1000;

    @AttributeDefinition(name = "Streams", description = "How many event streams may be open at once, 1 to 1000; one "
            + "more is answered 503 until another closes.", min = "1", max = "1000")
    int max_streams() default 32;

    @AttributeDefinition(name = "Queue per stream", description = "Events a stream keeps for a client that reads "
            + "slowly, 1 to 1000; when full the oldest is dropped (the newest view is what matters).", min = "1",
            max = "1000")
    int stream_queue() default 8;

    @AttributeDefinition(name = "Keep-alive (ms)", description = "A comment line sent on a stream that has had no "
            + "event for this long, 1000 to 60000 ms: it keeps proxies and Jetty's idle timeout from closing a "
            + "quiet stream and finds a client that went away.", min = "1000", max = "60000")
    long keepalive_ms() default 15000;

    @AttributeDefinition(name = "Password hash", description = "The hash of the console's password, as "
            + "cellgate:password prints it (pbkdf2-sha256:<iterations>:<salt>:<hash>), never the password itself. "
            + "Empty: no password, and only the gateway itself (a loopback client) may change anything; set: every "
            + "change needs a login, from anywhere.")
    String password_hash() default "";

    @AttributeDefinition(name = "User", description = "The name to log in with, beside the password; the log names "
            + "it with each change.")
    String user() default "admin";

    @AttributeDefinition(name = "Reads require login", description = "Whether reading (the pages' data and streams) "
            + "needs a login too; without a password, reading from another machine is then refused.")
    boolean reads_require_login() default false;

    @AttributeDefinition(name = "Allowed host names", description = "Host names the console answers to besides "
            + "addresses and localhost, e.g. gateway.local: a name not listed is refused, so that no other site can "
            + "point a name of its own at the gateway (DNS rebinding).")
    String[] allowed_hosts() default {};
}
