package io.cellgate.export.prometheus;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Where the metrics are served. The address and port are Felix HTTP's: configuration org.apache.felix.http. */
@ObjectClassDefinition(name = "Cellgate Prometheus exporter", description = "Serves every pack's metrics in the "
        + "Prometheus text format through the HTTP whiteboard.")
@interface PrometheusConfig {

    @AttributeDefinition(name = "Path", description = "The servlet pattern of the metrics, e.g. /metrics.")
    String osgi_http_whiteboard_servlet_pattern() default "/metrics";
}
