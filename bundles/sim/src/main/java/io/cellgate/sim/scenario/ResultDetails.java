package io.cellgate.sim.scenario;

import java.util.List;

/**
 * What a run's result carries beyond its timelines, so that a reader can judge it and check it from the result
 * alone: whether and when the pack was balanced by the model's own stop threshold (per board, with the gap at each
 * board boundary), the warnings, the charge of every cell at the start and the end with the ledger it must agree
 * with, the energy lost per pair, and the board's own time awake and energy.
 *
 * @param criterion          what "balanced" meant for this run, in words
 * @param stopVolts          the model's stop threshold the criterion uses, or NaN when the model declares none
 * @param boards             each board of the pack: its cells, when it was balanced, its difference at the end
 * @param boardGaps          each pair joining two boards (a cascade): no board balances it
 * @param boardIdleAtSeconds since when the board had nothing to do (no pair, no bleed, every LED off), or null: the
 *                           datasheet's "equalization completed", which is not the same as balanced
 * @param warnings           what a user should know: the model's fit, cells outside the board's working range, a
 *                           pack never balanced, a board that never slept
 * @param spreadVolts        highest minus lowest cell at the end (the readings), in volts
 * @param cells              per-cell charge and voltages at the start and end, or null for a replay
 * @param ledger             the string totals of the charge ledger, or null for a replay
 * @param pairLossWh         energy lost in conversion per pair, adding up to the result's {@code energyLostWh}
 * @param boardEnergyWh      energy the board itself drew from the pack (its draw times the string's terminal
 *                           voltage), in Wh
 * @param awakeSeconds       simulated time the board was active
 * @param asleepSeconds      simulated time the board slept
 * @param faultSeconds       simulated time the board showed a fault
 * @param peakPairAmps       the largest current any pair ran at
 * @since 2.2
 */
public record ResultDetails(String criterion, double stopVolts, List<Board> boards, List<Gap> boardGaps,
        Double boardIdleAtSeconds, List<String> warnings, double spreadVolts, Cells cells, Ledger ledger,
        double[] pairLossWh, double boardEnergyWh, double awakeSeconds, double asleepSeconds, double faultSeconds,
        double peakPairAmps) {

    public ResultDetails {
        boards = List.copyOf(boards);
        boardGaps = List.copyOf(boardGaps);
        warnings = List.copyOf(warnings);
    }

    /**
     * One board of the pack, cells numbered from 1.
     *
     * @param balancedAtSeconds since when its cells have been within the stop threshold, or null
     * @param finalVolts        at the end, the difference the criterion measures (largest adjacent difference for an
     *                          adjacent board, highest minus lowest for a bleed or pack-to-cell board)
     */
    public record Board(int number, int firstCell, int lastCell, Double balancedAtSeconds, double finalVolts) {
    }

    /** Pair {@code pair} (numbered from 1) joins two boards and ends {@code finalVolts} apart. */
    public record Gap(int pair, double finalVolts) {
    }

    /**
     * Every cell, in cell order; charges in A·s ({@code charge = soc × capacity}).
     *
     * @param chargeInAs  charge that entered the cell over the run (net current in, step by step)
     * @param chargeOutAs charge that left it, self-discharge included
     * @param bleedAs     charge a bleed resistor took from it
     * @param bleedWh     energy its bleed resistor turned into heat
     */
    public record Cells(double[] capacityAs, double[] socStart, double[] socEnd, double[] chargeStartAs,
            double[] chargeEndAs, double[] chargeInAs, double[] chargeOutAs, double[] bleedAs, double[] bleedWh,
            double[] ocvStartVolts, double[] ocvEndVolts, double[] terminalEndVolts) {
    }

    /**
     * The string totals of the charge ledger, in A·s. With N cells the charges must satisfy
     * {@code Σ (chargeEnd − chargeStart) = −N·load − N·boardDraw − selfDischarge − moved + efficiency·moved − bled}.
     */
    public record Ledger(double efficiency, double loadAs, double boardDrawAs, double selfDischargeAs, double movedAs,
            double conversionLossAs, double bledAs) {
    }

    /** The board's awake share of the run, 0 to 1. */
    public double awakeShare() {
        double total = awakeSeconds + asleepSeconds + faultSeconds;
        return total == 0 ? 0 : (awakeSeconds + faultSeconds) / total;
    }
}
