package io.cellgate.bench;

import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How every micro-benchmark here measures (JMH's annotations are inherited): per-thread state, three warm-up and
 * five measured one-second iterations in one fork, so that their scores compare. A subclass says only its mode and
 * time unit.
 */
@State(Scope.Thread)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public abstract class MicroBenchmark {
}
