package io.cellgate.balancer.tck;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cellgate.api.balancer.BalancerModel;
import io.cellgate.balancer.tck.ReferenceModel.Flaw;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.AssertionFailedError;

/** Each flaw of a model makes the check that is there for it fail. */
class KitCatchesFlawsTest {

    /** The kit run on the reference model with {@code flaw}. */
    private static BalancerConformanceTest kitOn(Flaw flaw) {
        BalancerConformanceTest kit = new BalancerConformanceTest() {
            @Override
            protected BalancerModel model() {
                return new ReferenceModel(flaw);
            }
        };
        kit.loadModel();
        return kit;
    }

    private static Arguments caught(Flaw flaw, String check, Consumer<BalancerConformanceTest> run) {
        return Arguments.of(flaw, check, run);
    }

    /** Every planted flaw and a check that must fail on it. */
    static Stream<Arguments> flawsAndTheirChecks() {
        return Stream.of(
                caught(Flaw.IGNORES_VALIDITY, "neverBalancesOnAnUnusableCell",
                        BalancerConformanceTest::neverBalancesOnAnUnusableCell),
                caught(Flaw.IGNORES_VALIDITY, "toleratesNonsenseReadings",
                        BalancerConformanceTest::toleratesNonsenseReadings),
                caught(Flaw.IGNORES_VALIDITY, "holdsItsCellVoltageRange",
                        BalancerConformanceTest::holdsItsCellVoltageRange),
                caught(Flaw.EXCEEDS_MAX_AMPS, "respectsItsMaximumCurrentOverRandomSequences",
                        BalancerConformanceTest::respectsItsMaximumCurrentOverRandomSequences),
                caught(Flaw.TRIGGER_5MV_LOW, "holdsItsTrigger", BalancerConformanceTest::holdsItsTrigger),
                caught(Flaw.NO_HYSTERESIS, "holdsItsStop", BalancerConformanceTest::holdsItsStop),
                caught(Flaw.NEVER_BALANCES, "holdsItsTrigger", BalancerConformanceTest::holdsItsTrigger),
                caught(Flaw.NEVER_BALANCES, "convergesOnTheSimulator", BalancerConformanceTest::convergesOnTheSimulator),
                caught(Flaw.RANDOM, "isDeterministic", BalancerConformanceTest::isDeterministic),
                caught(Flaw.ALLOCATES, "decideAllocatesNothing", BalancerConformanceTest::decideAllocatesNothing));
    }

    @ParameterizedTest(name = "{0} is caught by {1}")
    @MethodSource("flawsAndTheirChecks")
    void theCheckForAFlawFailsOnIt(Flaw flaw, String check, Consumer<BalancerConformanceTest> run) {
        BalancerConformanceTest kit = kitOn(flaw);
        assertThrows(AssertionFailedError.class, () -> run.accept(kit), flaw + " was not caught by " + check);
    }

    @Test
    void throwingOnNotANumber() {
        assertThrows(IllegalStateException.class, () -> kitOn(Flaw.THROWS_ON_NAN).toleratesNonsenseReadings());
    }
}
