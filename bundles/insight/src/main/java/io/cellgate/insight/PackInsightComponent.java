package io.cellgate.insight;

import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

/**
 * One pack's insight configuration, {@code config/io.cellgate.insight.pack-<name>.cfg}: checked here, handed to the
 * {@link InsightRuntime}, which follows a change at once (the alerts it no longer raises clear). A refused change
 * keeps the last good settings and says what to fix.
 */
@Component(configurationPid = PackInsightComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = PackInsightComponent.class)
@Designate(ocd = PackInsightConfig.class, factory = true)
public final class PackInsightComponent {

    static final String PID = "io.cellgate.insight.pack";
    private static final String FILE = "felix.fileinstall.filename";

    private final Logger log;
    private volatile String packId;
    private volatile PackSettings settings;

    @Activate
    public PackInsightComponent(PackInsightConfig config, Map<String, Object> properties,
            @Reference(name = "log", service = LoggerFactory.class) Logger log) {
        this.log = log;
        if (!apply(config, properties)) {
            throw new IllegalArgumentException("insight configuration refused");
        }
    }

    @Modified
    void modified(PackInsightConfig config, Map<String, Object> properties) {
        apply(config, properties);
    }

    private boolean apply(PackInsightConfig config, Map<String, Object> properties) {
        String id = config.pack_id() == null ? "" : config.pack_id().trim();
        try {
            if (id.isEmpty()) {
                throw new IllegalArgumentException("pack.id is missing: name the pack this configures, e.g. "
                        + "pack.id=pack1");
            }
            PackSettings checked = PackSettings.of(config);
            packId = id;
            settings = checked;
            return true;
        } catch (IllegalArgumentException e) {
            Object file = properties.get(FILE);
            log.error("{}: insight configuration refused: {}{}{}", id.isEmpty() ? "insight" : id, e.getMessage(),
                    file == null ? "" : " (fix " + file + ")",
                    settings == null ? "" : "; the pack's insight keeps its last good settings");
            return false;
        }
    }

    String packId() {
        return packId;
    }

    PackSettings settings() {
        return settings;
    }
}
