package io.cellgate.insight;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Where the ledgers are kept and how often they are saved. Optional: without a file the defaults apply. */
@ObjectClassDefinition(name = "Cellgate insight", description = "Keeps every pack's balancing ledger: the charge "
        + "its balancer moved per cell and pair, and for how long, saved under data/ across restarts.")
@interface InsightConfig {

    @AttributeDefinition(name = "Directory", description = "Where each pack's ledger file (<pack id>.ledger) goes; "
            + "relative to the working directory.")
    String directory() default "data/insight";

    @AttributeDefinition(name = "Save interval (s)", description = "How often the ledgers are written to the disk: "
            + "a gateway killed loses at most this much of its ledger. 1 to 3600 s.", min = "1", max = "3600")
    long save_s() default 60;
}
