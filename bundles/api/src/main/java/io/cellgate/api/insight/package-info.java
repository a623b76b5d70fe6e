/**
 * Cell insight: what the gateway works out from every tick of a pack beyond the tick itself. 1.0: the balancing
 * ledger, the charge the balancer moved per cell and per pair and how long they were active, per day and since a
 * reset, and the charge through the pack terminals where a source measures the pack current. 1.1: {@code PackInsights},
 * per cell state of charge, capacity, self-discharge and drift ({@code CellEstimate}), findings in words
 * ({@code Finding}) and the pack's alerts ({@code ActiveAlert}). 1.2: the tick an alert was raised at and its words
 * in the pack's fault list ({@code ActiveAlert.sinceTick}, {@code faultMessage}).
 *
 * <p>Units: charge in coulombs (1 mAh = 3.6 C), time in seconds, current in amperes with charge positive. Cells
 * and pairs are indexed from 0 here and numbered from 1 where a person reads them; pair {@code k} joins cells
 * {@code k} and {@code k + 1}.
 */
@Export
@Version("1.2.0")
package io.cellgate.api.insight;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
