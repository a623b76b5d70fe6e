package io.cellgate.api.scenario;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The recent scenario runs of this gateway ({@code sim:run} with a result file), newest first, a bounded number of
 * them. Only files a run wrote are named here: a reader opens a run's files through this list, never a path it was
 * handed.
 */
@ProviderType
public interface ScenarioResults {

    /** The recent runs, newest first. */
    List<ScenarioRun> recent();

    /** The recent run with this id, or empty. */
    Optional<ScenarioRun> find(String id);
}
