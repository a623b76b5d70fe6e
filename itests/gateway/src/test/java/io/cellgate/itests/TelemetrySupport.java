package io.cellgate.itests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.After;
import org.junit.Before;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;

/**
 * What the exporter tests share: the log captured during each test, factory configurations deleted after it, a
 * Mosquitto broker for those that start one, and /metrics. A subclass's own {@code @Before} runs after this one's,
 * its {@code @After} before.
 */
public abstract class TelemetrySupport extends GatewaySupport {

    final List<Configuration> configurations = new ArrayList<>();
    final List<String> log = new CopyOnWriteArrayList<>();
    private LogListener listener;
    private LogReaderService reader;
    Mosquitto broker;
    Subscriber subscriber;

    /** Listens to the log from now on, at INFO (the gateway's level; without config/ Felix Log keeps WARN). */
    @Before
    public void captureLog() throws IOException {
        Configuration admin = configAdmin().getConfiguration("org.osgi.service.log.admin", "?");
        if (admin.getProperties() == null || !"INFO".equals(admin.getProperties().get("ROOT"))) {
            admin.update(new Hashtable<>(Map.of("ROOT", "INFO")));
        }
        reader = context().getService(context().getServiceReference(LogReaderService.class));
        listener = e -> log.add(e.getLogLevel() + " " + e.getMessage());
        reader.addLogListener(listener);
    }

    /** A Mosquitto broker on a free loopback port, its files in {@code folder}, and a subscriber to everything. */
    void startBroker(String folder) throws Exception {
        broker = Mosquitto.start(Path.of(System.getProperty("project.build.directory", "target"), folder),
                GatewayOptions.freePort());
        subscriber = new Subscriber(broker.url());
    }

    /** Deletes every configuration the test made, newest first, and stops listening to the log; tests may call it. */
    void cleanUp() throws IOException {
        for (int i = configurations.size() - 1; i >= 0; i--) {
            try {
                configurations.get(i).delete();
            } catch (IllegalStateException deletedByTheTest) {
                // gone already
            }
        }
        configurations.clear();
        if (reader != null) {
            reader.removeLogListener(listener);
            reader = null;
        }
    }

    /** After each test: its configurations go first, so that the exporters say goodbye while the broker is there. */
    @After
    public void cleanUpAndStopBroker() throws IOException, InterruptedException {
        try {
            cleanUp();
            if (subscriber != null) {
                subscriber.close();
            }
        } finally {
            if (broker != null) {
                broker.close();
            }
        }
    }

    Configuration factory(String factoryPid, String name, Map<String, Object> properties) throws IOException {
        Configuration c = configAdmin().getFactoryConfiguration(factoryPid, name, "?");
        Dictionary<String, Object> d = new Hashtable<>(properties);
        c.update(d);
        configurations.add(c);
        return c;
    }

    Configuration[] track(Configuration[] cs) {
        configurations.addAll(List.of(cs));
        return cs;
    }

    long logged(String... parts) {
        return log.stream().filter(l -> List.of(parts).stream().allMatch(l::contains)).count();
    }

    <S> S service(Class<S> type, String filter) {
        try {
            var refs = context().getServiceReferences(type, filter);
            return refs.isEmpty() ? null : context().getService(refs.iterator().next());
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    boolean registered(String type, String filter) {
        try {
            ServiceReference<?>[] refs = context().getServiceReferences(type, filter);
            return refs != null && refs.length > 0;
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    URI metricsUri() {
        return URI.create("http://127.0.0.1:" + context().getProperty("org.osgi.service.http.port") + "/metrics");
    }

    /** GET /metrics; null until the servlet answers 200. */
    HttpResponse<String> scrape() {
        try {
            HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build().send(
                    HttpRequest.newBuilder(metricsUri()).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? r : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    PromText awaitMetrics() throws InterruptedException {
        await("GET " + metricsUri() + " to answer 200", () -> scrape() != null);
        return PromText.parse(scrape().body());
    }
}
