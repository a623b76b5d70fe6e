package io.cellgate.api.insight;

/**
 * An alert that is raised now.
 *
 * @param kind        which alert
 * @param message     why, with its figures
 * @param sinceTick   the pack's tick in view when it was raised, -1 when none was (1.2)
 * @param sinceMillis when it was raised, wall clock, milliseconds since the epoch
 */
public record ActiveAlert(AlertKind kind, String message, long sinceTick, long sinceMillis) {

    public ActiveAlert {
        if (kind == null || message == null) {
            throw new IllegalArgumentException("an alert needs a kind and a message");
        }
    }

    /** An alert raised with no tick in view. */
    public ActiveAlert(AlertKind kind, String message, long sinceMillis) {
        this(kind, message, -1, sinceMillis);
    }

    /** The alert as the pack's fault list words it: {@code alert <id>: <message>}. */
    public String faultMessage() {
        return "alert " + kind.id() + ": " + message;
    }
}
