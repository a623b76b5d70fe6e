package io.cellgate.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesFromOneSecondUpToThirtyAndStartsOverAfterAReset() {
        Backoff b = new Backoff(TimeUnit.SECONDS.toNanos(1), TimeUnit.SECONDS.toNanos(30));
        long[] expected = {1, 2, 4, 8, 16, 30, 30};
        for (long seconds : expected) {
            assertEquals(seconds, TimeUnit.NANOSECONDS.toSeconds(b.nextDelayNanos()));
        }
        b.reset();
        assertEquals(1, TimeUnit.NANOSECONDS.toSeconds(b.nextDelayNanos()));
    }
}
