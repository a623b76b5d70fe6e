package io.cellgate.export.file;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** One recorder: where, how often, and when a file is closed and the next one begun. */
@ObjectClassDefinition(name = "Cellgate CSV recorder", description = "Records every pack as CSV files that the "
        + "simulator's scenario runner can replay.")
@interface FileRecorderConfig {

    @AttributeDefinition(name = "Directory", description = "Where the files go; relative to the working directory.")
    String directory() default "data/recordings";

    @AttributeDefinition(name = "Interval (ms)", description = "How often a pack is recorded; 0 records every tick "
            + "(for replays that reproduce the balancer exactly). 0 to 3600000 ms.", min = "0", max = "3600000")
    long interval_ms() default 1000;

    @AttributeDefinition(name = "Rotation", description = "daily: a new file at midnight UTC; size: a new file "
            + "when one reaches rotation.size.mb.", options = {@Option(label = "daily", value = "daily"),
                    @Option(label = "size", value = "size")})
    String rotation() default "daily";

    @AttributeDefinition(name = "Rotation size (MB)", description = "size rotation only: 1 to 10000 MB.", min = "1",
            max = "10000")
    long rotation_size_mb() default 10;

    @AttributeDefinition(name = "Files kept per pack", description = "The oldest files beyond this are deleted; "
            + "0 keeps every file.", min = "0")
    int keep_files() default 0;
}
