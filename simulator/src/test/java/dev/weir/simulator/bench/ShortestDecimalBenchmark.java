package dev.weir.simulator.bench;

import dev.weir.simulator.codec.ShortestDecimal;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Cost per value of {@link ShortestDecimal#of} next to the running JDK's {@link Double#toString}, for sensor-like
 * values (sine plus Gaussian noise) and for uniformly random bit patterns. On JDK 19+ both are the same call; on
 * JDK 17 the difference is the price of printing the same text as JDK 19+. Run:
 * {@code java -cp ... org.openjdk.jmh.Main ShortestDecimalBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ShortestDecimalBenchmark {

  static final int VALUES = 4096;

  @Param({"SENSOR", "RANDOM_BITS"})
  public Values values;

  private double[] doubles;

  /** The kinds of input measured. */
  public enum Values {
    SENSOR, RANDOM_BITS
  }

  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(3);
    doubles = new double[VALUES];
    for (int i = 0; i < VALUES; i++) {
      doubles[i] = switch (values) {
        case SENSOR -> 20 + 5 * StrictMath.sin(i * 0.01) + 0.05 * random.nextGaussian();
        case RANDOM_BITS -> finiteBits(random);
      };
    }
  }

  private static double finiteBits(SplittableRandom random) {
    double value;
    do {
      value = Double.longBitsToDouble(random.nextLong());
    } while (!Double.isFinite(value));
    return value;
  }

  @Benchmark
  @OperationsPerInvocation(VALUES)
  public void shortestDecimal(Blackhole sink) {
    for (double value : doubles) {
      sink.consume(ShortestDecimal.of(value));
    }
  }

  @Benchmark
  @OperationsPerInvocation(VALUES)
  public void jdkToString(Blackhole sink) {
    for (double value : doubles) {
      sink.consume(Double.toString(value));
    }
  }
}
