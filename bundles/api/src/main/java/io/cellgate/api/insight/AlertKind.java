package io.cellgate.api.insight;

import java.util.Locale;

/** The alerts a pack can raise; each is configured, raised and cleared on its own. */
public enum AlertKind {
    /** The pack's spread stayed above its threshold for longer than its duration. */
    SPREAD,
    /** A cell reads an open wire or an impossible voltage. */
    CELL_FAULT,
    /** A weak cell was found ({@link FindingKind#weakCell()}). */
    WEAK_CELL,
    /** The balancing cannot help ({@link FindingKind#ineffectiveBalancing()}). */
    INEFFECTIVE_BALANCING,
    /** The board never reaches sleep ({@link FindingKind#NEVER_SLEEPS}). */
    NEVER_SLEEPS;

    /** The alert's name in topics, labels and configuration keys: {@code weak_cell}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
