package io.cellgate.api.insight;

/**
 * Something the insight found about a pack, said in words with its figures.
 *
 * @param kind    what it is about
 * @param cell    the cell it names, from 0; -1 when it is about the pack or the board
 * @param message the finding and its evidence, for a person, e.g. "cell 7 is the weak cell: 2.25 Ah, 10.0 % below
 *                the median cell's 2.50 Ah (confidence 99 %, 6 rest points over 2.5 days)"
 */
public record Finding(FindingKind kind, int cell, String message) {

    public Finding {
        if (kind == null || message == null || message.isBlank()) {
            throw new IllegalArgumentException("a finding needs a kind and a message");
        }
    }
}
