package io.cellgate.balancer.tck;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cellgate.api.balancer.BalancerModel;
import io.cellgate.balancer.tck.ReferenceModel.Flaw;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** Each flaw of a model makes the check that is there for it fail. */
class KitCatchesFlawsTest {

    private static void assertCaught(Flaw flaw, Consumer<BalancerConformanceTest> check) {
        BalancerConformanceTest kit = new BalancerConformanceTest() {
            @Override
            protected BalancerModel model() {
                return new ReferenceModel(flaw);
            }
        };
        kit.loadModel();
        assertThrows(AssertionFailedError.class, () -> check.accept(kit), flaw + " was not caught");
    }

    @Test
    void balancingOnAnInvalidCell() {
        assertCaught(Flaw.IGNORES_VALIDITY, BalancerConformanceTest::neverBalancesOnAnUnusableCell);
        assertCaught(Flaw.IGNORES_VALIDITY, BalancerConformanceTest::toleratesNonsenseReadings);
        assertCaught(Flaw.IGNORES_VALIDITY, BalancerConformanceTest::holdsItsCellVoltageRange);
    }

    @Test
    void exceedingTheDeclaredMaximumCurrent() {
        assertCaught(Flaw.EXCEEDS_MAX_AMPS, BalancerConformanceTest::respectsItsMaximumCurrentOverRandomSequences);
    }

    @Test
    void aTriggerLowerThanDeclared() {
        assertCaught(Flaw.TRIGGER_5MV_LOW, BalancerConformanceTest::holdsItsTrigger);
    }

    @Test
    void noHysteresisDespiteADeclaredStop() {
        assertCaught(Flaw.NO_HYSTERESIS, BalancerConformanceTest::holdsItsStop);
    }

    @Test
    void throwingOnNotANumber() {
        assertThrows(IllegalStateException.class, () -> {
            BalancerConformanceTest kit = new BalancerConformanceTest() {
                @Override
                protected BalancerModel model() {
                    return new ReferenceModel(Flaw.THROWS_ON_NAN);
                }
            };
            kit.loadModel();
            kit.toleratesNonsenseReadings();
        });
    }

    @Test
    void neverBalancing() {
        assertCaught(Flaw.NEVER_BALANCES, BalancerConformanceTest::holdsItsTrigger);
        assertCaught(Flaw.NEVER_BALANCES, BalancerConformanceTest::convergesOnTheSimulator);
    }

    @Test
    void decidingAtRandom() {
        assertCaught(Flaw.RANDOM, BalancerConformanceTest::isDeterministic);
    }

    @Test
    void allocatingInDecide() {
        assertCaught(Flaw.ALLOCATES, BalancerConformanceTest::decideAllocatesNothing);
    }
}
