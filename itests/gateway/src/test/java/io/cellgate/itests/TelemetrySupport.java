package io.cellgate.itests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;

/** What the exporter tests share: factory configurations deleted after each test, the log, and /metrics. */
abstract class TelemetrySupport extends GatewaySupport {

    final List<Configuration> configurations = new ArrayList<>();
    final List<String> log = new CopyOnWriteArrayList<>();
    private LogListener listener;
    private LogReaderService reader;

    /** Listens to the log from now on, at INFO (the gateway's level; without config/ Felix Log keeps WARN). */
    void captureLog() throws IOException {
        Configuration admin = configAdmin().getConfiguration("org.osgi.service.log.admin", "?");
        if (admin.getProperties() == null || !"INFO".equals(admin.getProperties().get("ROOT"))) {
            admin.update(new Hashtable<>(Map.of("ROOT", "INFO")));
        }
        reader = context().getService(context().getServiceReference(LogReaderService.class));
        listener = e -> log.add(e.getLogLevel() + " " + e.getMessage());
        reader.addLogListener(listener);
    }

    /** Deletes every configuration the test made, newest first, and stops listening to the log. */
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
