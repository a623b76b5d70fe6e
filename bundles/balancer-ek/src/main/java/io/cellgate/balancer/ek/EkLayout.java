package io.cellgate.balancer.ek;

/**
 * How EK boards of one string count are wired to a pack: which board owns which cell and pair, and what is left
 * open.
 *
 * <p><b>Cascading</b> — "Cascading: Support (Not recommended)"; "This balancing board is not recommended for cascade
 * use as the balancing effect is not obvious." A pack of more cells than the board has strings takes
 * {@code ceil(cells / strings)} boards. Board {@code b} (from 0) owns cells {@code [b·strings, min((b+1)·strings,
 * cells))} and the pairs between its own cells. The pair that joins the top cell of one board to the bottom cell of
 * the next is owned by neither board and never balances: charge cannot cross a board boundary, which is why the
 * effect is "not obvious".
 *
 * <p><b>Low strings</b> — "The inductance balancing board is not recommended for use with low strings. The indicator
 * light will flash and an error message will appear." A board wired to fewer cells than its strings sees the sense
 * channels above its topmost cell open; it reads that cell as a bad contact. Only the last board of a pack can be
 * short of cells.
 */
final class EkLayout {

    private final int cells;
    private final int strings;
    private final int boards;

    EkLayout(int cells, int strings) {
        if (cells < 2 || strings < 2) {
            throw new IllegalArgumentException("a layout needs at least 2 cells and 2 strings, got cells=" + cells
                    + ", strings=" + strings);
        }
        this.cells = cells;
        this.strings = strings;
        this.boards = (cells + strings - 1) / strings;
    }

    int cells() {
        return cells;
    }

    int strings() {
        return strings;
    }

    int boards() {
        return boards;
    }

    boolean isCascaded() {
        return boards > 1;
    }

    /** The board (from 0) that senses {@code cell}. */
    int boardOfCell(int cell) {
        return cell / strings;
    }

    /** The board (from 0) that owns pair {@code pair}, or -1 for a pair that joins two boards. */
    int boardOfPair(int pair) {
        int board = pair / strings;
        return (pair + 1) / strings == board ? board : -1;
    }

    /** Cells wired to the last board. */
    int lastBoardCells() {
        return cells - (boards - 1) * strings;
    }

    /** True when the last board is wired to fewer cells than its strings. */
    boolean isLowStrings() {
        return lastBoardCells() < strings;
    }

    /** The topmost cell of a low-strings board, which the board reads as a bad contact; -1 when none. */
    int lowStringsCell() {
        return isLowStrings() ? cells - 1 : -1;
    }
}
