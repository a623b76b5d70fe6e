package io.cellgate.api.insight;

/**
 * An alert that is raised now.
 *
 * @param kind        which alert
 * @param message     why, with its figures
 * @param sinceMillis when it was raised, wall clock, milliseconds since the epoch
 */
public record ActiveAlert(AlertKind kind, String message, long sinceMillis) {

    public ActiveAlert {
        if (kind == null || message == null) {
            throw new IllegalArgumentException("an alert needs a kind and a message");
        }
    }
}
