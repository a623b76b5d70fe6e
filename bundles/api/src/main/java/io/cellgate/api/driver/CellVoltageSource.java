package io.cellgate.api.driver;

import io.cellgate.api.pack.PackReading;
import java.util.function.Consumer;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The ADC side: measures every cell of one pack. Registered with the service property {@value #PACK} naming the
 * pack it measures, so a pack chooses its source with {@code source.target=(cellgate.pack=pack1)}.
 */
@ConsumerType
public interface CellVoltageSource {

    /** Service property of every driver service: the id of the pack it serves. */
    String PACK = "cellgate.pack";

    /** How many cells this source measures. */
    int cells();

    /**
     * Fills {@code into} with a fresh measurement: a voltage and a status per cell. A cell that cannot be measured
     * gets a non-OK status, never a made-up voltage. The caller sets the time stamp.
     *
     * @throws Exception when the source as a whole failed; the runtime then marks every cell stale
     */
    void read(PackReading into) throws Exception;

    /**
     * A source of {@code cells} cells that fills each reading with {@code fill}: what a headless run (a scenario, a
     * replay, a benchmark, a test) reads from, adapted in one expression.
     *
     * @since 1.1
     */
    static CellVoltageSource of(int cells, Consumer<PackReading> fill) {
        return new CellVoltageSource() {
            @Override
            public int cells() {
                return cells;
            }

            @Override
            public void read(PackReading into) {
                fill.accept(into);
            }
        };
    }
}
