package io.cellgate.balancer.ek;

import io.cellgate.api.balancer.BoardState;
import io.cellgate.api.balancer.Decision;
import io.cellgate.api.balancer.Indicator;
import io.cellgate.api.balancer.PairDirection;
import java.util.ArrayList;
import java.util.List;

/** An immutable copy of everything in a decision, to compare decisions with equals. */
record DecisionSnapshot(List<PairDirection> directions, List<Double> amps, List<Indicator> indicators,
        BoardState boardState, double boardDrawAmps, List<String> faults) {

    static DecisionSnapshot of(Decision d) {
        List<PairDirection> directions = new ArrayList<>();
        List<Double> amps = new ArrayList<>();
        for (int pair = 0; pair < d.pairs(); pair++) {
            directions.add(d.direction(pair));
            amps.add(d.amps(pair));
        }
        List<Indicator> indicators = new ArrayList<>();
        for (int cell = 0; cell < d.cells(); cell++) {
            indicators.add(d.indicator(cell));
        }
        return new DecisionSnapshot(List.copyOf(directions), List.copyOf(amps), List.copyOf(indicators),
                d.boardState(), d.boardDrawAmps(), List.copyOf(d.faults()));
    }
}
