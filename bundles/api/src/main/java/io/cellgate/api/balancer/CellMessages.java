package io.cellgate.api.balancer;

/**
 * The same operator message for each cell of a pack, {@code "cell 3: what"} with cells numbered from 1 as an
 * operator counts them, built once when a balancer is created so that its {@code decide} allocates nothing.
 *
 * @since 1.4
 */
public final class CellMessages {

    private final String[] byCell;

    private CellMessages(String[] byCell) {
        this.byCell = byCell;
    }

    /** {@code "cell N: " + what} for each of {@code cells} cells. */
    public static CellMessages of(int cells, String what) {
        String[] byCell = new String[cells];
        for (int cell = 0; cell < cells; cell++) {
            byCell[cell] = "cell " + (cell + 1) + ": " + what;
        }
        return new CellMessages(byCell);
    }

    /** The message of {@code cell}, counted from 0 as readings and decisions index it. */
    public String forCell(int cell) {
        return byCell[cell];
    }
}
