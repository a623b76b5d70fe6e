package io.cellgate.balancer.ek;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cellgate.api.balancer.PackFit;
import io.cellgate.api.pack.Chemistry;
import io.cellgate.api.pack.PackDescription;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("What ModelDescriptor.fit warns about is what the board reports: low strings and cascades")
class FitAgreesWithTheBoardTest {

    @Test
    void everyStringCountOnEveryPackSize_decision_fitMatchesLayout() {
        EkProfile d = EkProfile.DATASHEET;
        for (int strings = EkProfile.MIN_STRINGS; strings <= EkProfile.MAX_STRINGS; strings++) {
            EkProfile profile = new EkProfile(d.triggerVolts(), d.stopVolts(), d.ampsPerVolt(), d.maxAmps(),
                    d.minCellVolts(), d.maxCellVolts(), d.minCelsius(), d.maxCelsius(), d.quiescentAmps(),
                    d.activeDrawAmps(), strings);
            EkModel model = new EkModel(profile, strings + "s");
            for (int cells = PackDescription.MIN_CELLS; cells <= PackDescription.MAX_CELLS; cells++) {
                EkLayout layout = new EkLayout(cells, strings);
                PackFit fit = model.descriptor().fit(new PackDescription("p", cells, Chemistry.NCM));
                String where = strings + "S on " + cells + " cells";
                assertEquals(layout.isLowStrings(), fit.warnings().stream().anyMatch(w -> w.startsWith("low strings")),
                        where);
                assertEquals(layout.isCascaded(), fit.warnings().stream().anyMatch(w -> w.startsWith("cascade")),
                        where);
                assertEquals(layout.isLowStrings() || layout.isCascaded(),
                        fit.verdict() == PackFit.Verdict.FITS_WITH_WARNINGS, where);
            }
        }
    }
}
