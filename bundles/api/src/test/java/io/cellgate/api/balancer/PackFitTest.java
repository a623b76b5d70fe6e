package io.cellgate.api.balancer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackDescription;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PackFitTest {

    private static ModelDescriptor board(int strings, Chemistry... chemistries) {
        return new ModelDescriptor("EK-L20S1A", strings + "s", "Enerkey", 2, 48, Set.of(chemistries),
                Topology.ADJACENT, 1.0, Map.of(ModelDescriptor.STRINGS, (double) strings));
    }

    private static PackDescription pack(int cells, Chemistry chemistry) {
        return new PackDescription("pack1", cells, chemistry);
    }

    @Test
    void aBoardOfThePacksStringCountFits() {
        PackFit fit = board(20, Chemistry.NCM).fit(pack(20, Chemistry.NCM));

        assertEquals(PackFit.FITS, fit);
        assertEquals("fits", fit.summary());
    }

    @Test
    void aWholeNumberOfFullBoardsIsACascadeOnly() {
        PackFit fit = board(20, Chemistry.NCM).fit(pack(40, Chemistry.NCM));

        assertEquals(PackFit.Verdict.FITS_WITH_WARNINGS, fit.verdict());
        assertEquals(List.of("cascade: pack pack1's 40 cells need 2 boards of 20S; the pair between the boards "
                + "never balances: choose a variant of 40 strings"), fit.warnings());
    }

    @Test
    void fewerCellsThanStringsIsLowStrings() {
        PackFit fit = board(20, Chemistry.NCM).fit(pack(16, Chemistry.NCM));

        assertTrue(fit.supported());
        assertEquals(List.of("low strings: the 20S board is wired to 16 of pack pack1's cells, channels 17-20 open; "
                + "the board shows FAULT and its top cell is not balanced: choose a variant of 16 strings"),
                fit.warnings());
    }

    @Test
    void a16SBoardOnTheDemo20SPackIsACascadeWithLowStrings() {
        PackFit fit = board(16, Chemistry.NCM, Chemistry.LFP).fit(pack(20, Chemistry.NCM));

        assertEquals(2, fit.warnings().size());
        assertTrue(fit.warnings().get(0).startsWith("low strings: board 2, a 16S board, is wired to 4 of pack "
                + "pack1's cells, channels 5-16 open"), fit.warnings().get(0));
        assertTrue(fit.warnings().get(1).startsWith("cascade: pack pack1's 20 cells need 2 boards of 16S"));
        assertTrue(fit.summary().startsWith("fits with warnings: low strings: "));
    }

    @Test
    void threeBoardsCountTheirPairsBetweenBoards() {
        assertEquals(List.of("cascade: pack pack1's 48 cells need 3 boards of 16S; the 2 pairs between boards "
                + "never balance: choose a variant of 48 strings"),
                board(16, Chemistry.NCM).fit(pack(48, Chemistry.NCM)).warnings());
    }

    @Test
    void anUnsupportedChemistryDoesNotFitWithTheReason() {
        PackFit fit = board(20, Chemistry.NCM).fit(pack(20, Chemistry.LFP));

        assertFalse(fit.supported());
        assertTrue(fit.warnings().isEmpty());
        assertEquals(List.of(board(20, Chemistry.NCM).unsupportedReason(pack(20, Chemistry.LFP)).orElseThrow()),
                fit.reasons());
        assertTrue(fit.summary().startsWith("does not fit: EK-L20S1A/20s does not support pack pack1 of 20 LFP"));
    }

    @Test
    void aModelThatDeclaresNoStringsFitsEverySupportedPack() {
        ModelDescriptor bleed = new ModelDescriptor("PASSIVE-BLEED", "foxbms", "Cellgate", 2, 48,
                Set.of(Chemistry.NCM), Topology.BLEED, 0.2, Map.of());

        assertEquals(PackFit.FITS, bleed.fit(pack(13, Chemistry.NCM)));
    }

    @Test
    void aWarningOrRefusalWithoutAReasonIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new PackFit(PackFit.Verdict.UNSUPPORTED, List.of()));
    }

    @Test
    void onlyAFaultFreeOrFaultedBoardDecidedTheTick() {
        for (io.cellgate.api.pack.PackHealth h : io.cellgate.api.pack.PackHealth.values()) {
            assertEquals(h == io.cellgate.api.pack.PackHealth.OK || h == io.cellgate.api.pack.PackHealth.BOARD_FAULT,
                    h.decidedByBalancer(), h.name());
        }
    }
}
