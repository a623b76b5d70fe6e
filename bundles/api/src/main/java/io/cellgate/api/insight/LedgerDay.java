package io.cellgate.api.insight;

import java.time.LocalDate;

/**
 * What the balancer did on one calendar day (the gateway's time zone).
 *
 * @param date   the day
 * @param counts the day's charge and active time
 */
public record LedgerDay(LocalDate date, LedgerCounts counts) {

    public LedgerDay {
        if (date == null || counts == null) {
            throw new IllegalArgumentException("a ledger day needs a date and its counts");
        }
    }
}
