package io.cellgate.sim.report;

import io.cellgate.sim.scenario.ResultDetails;
import io.cellgate.sim.scenario.ScenarioResult;
import java.util.Arrays;

/**
 * The figures a comparison or a sweep puts side by side, computed once from a result: the table, the CSV and the
 * report all read them from here.
 *
 * @param balancer          {@code model/variant}
 * @param balancedAtSeconds when the pack was balanced by the model's stop threshold, or null
 * @param idleAtSeconds     since when the board had nothing left to do, or null
 * @param adjacentVolts     largest adjacent difference at the end
 * @param spreadVolts       highest minus lowest cell at the end
 * @param energyLostWh      conversion loss plus what bleed resistors burnt
 * @param chargeMovedAh     charge all donors gave
 * @param boardEnergyWh     the board's own draw
 * @param awakeShare        share of the run the board was awake (active or in fault)
 * @param awakeSeconds      time the board was awake (active or in fault)
 * @param peakPairAmps      largest pair current
 * @param warnings          how many warnings the run gave
 */
public record Figures(String balancer, Double balancedAtSeconds, Double idleAtSeconds, double adjacentVolts,
        double spreadVolts, double energyLostWh, double chargeMovedAh, double boardEnergyWh, double awakeShare,
        double awakeSeconds, double peakPairAmps, int warnings) {

    public static Figures of(ScenarioResult r) {
        ResultDetails d = r.details();
        return new Figures(r.balancer(), r.balancedAtSeconds(), d.boardIdleAtSeconds(), r.finalSpreadVolts(),
                d.spreadVolts(), r.energyLostWh() + r.energyBledWh(), Arrays.stream(r.pairChargeMovedAh()).sum(),
                d.boardEnergyWh(), d.awakeShare(), d.awakeSeconds() + d.faultSeconds(), d.peakPairAmps(),
                d.warnings().size());
    }
}
