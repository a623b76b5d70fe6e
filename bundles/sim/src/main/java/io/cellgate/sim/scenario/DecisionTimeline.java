package io.cellgate.sim.scenario;

import io.cellgate.api.balancer.BoardState;
import io.cellgate.api.balancer.Decision;
import io.cellgate.api.balancer.Indicator;
import io.cellgate.api.balancer.PairDirection;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run's decisions did over time, recorded as changes only: every LED, every pair's direction, every board
 * state, and the time from which the board had nothing left to do (the datasheet's "equalization completed": no
 * pair balancing, no cell bleeding, every LED off). Allocates only when something changes.
 */
final class DecisionTimeline {

    private final Indicator[] led;
    private final PairDirection[] pair;
    private BoardState board;
    private Double balancedAtSeconds;
    final List<ScenarioResult.IndicatorChange> indicators = new ArrayList<>();
    final List<ScenarioResult.PairChange> pairs = new ArrayList<>();
    final List<ScenarioResult.BoardChange> boards = new ArrayList<>();

    DecisionTimeline(int cells) {
        led = new Indicator[cells];
        pair = new PairDirection[cells - 1];
    }

    void record(double atSeconds, Decision d) {
        boolean allOff = true;
        for (int c = 0; c < led.length; c++) {
            if (d.indicator(c) != led[c]) {
                led[c] = d.indicator(c);
                indicators.add(new ScenarioResult.IndicatorChange(atSeconds, c + 1, led[c]));
            }
            allOff &= led[c] == Indicator.OFF;
        }
        for (int k = 0; k < pair.length; k++) {
            if (d.direction(k) != pair[k]) {
                pair[k] = d.direction(k);
                pairs.add(new ScenarioResult.PairChange(atSeconds, k + 1, pair[k], d.amps(k)));
            }
        }
        if (d.boardState() != board) {
            board = d.boardState();
            boards.add(new ScenarioResult.BoardChange(atSeconds, board));
        }
        boolean done = allOff && d.balancingPairs() == 0 && d.bleedingCells() == 0;
        if (!done) {
            balancedAtSeconds = null;
        } else if (balancedAtSeconds == null) {
            balancedAtSeconds = atSeconds;
        }
    }

    /** Since when the board has had nothing left to do, or null while it has. */
    Double balancedAtSeconds() {
        return balancedAtSeconds;
    }
}
