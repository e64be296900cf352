package dev.weir.simulator.bench;

import dev.weir.simulator.signal.SensorSignal;
import dev.weir.simulator.spec.Rate;
import dev.weir.simulator.spec.SensorSpec;
import dev.weir.simulator.spec.SignalSpec;
import dev.weir.simulator.spec.SimulationSpec;
import dev.weir.simulator.stream.Reading;
import dev.weir.simulator.stream.Simulation;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Readings per second on one thread (a reading being all channels of one sample).
 *
 * <p>{@code fill} measures the bulk path, {@link SensorSignal#fill}, for each model; the target
 * is at least 50 million readings/s for the 3-channel sine + noise sensor. {@code simulation}
 * measures the whole merged stream including {@link Reading} allocation and fault chain.
 * Run from the test classpath: {@code java -cp ... org.openjdk.jmh.Main GenerationBenchmark -f 1 -wi 3 -i 5}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class GenerationBenchmark {

  private static final int BATCH = 4096;
  /** 10^12 samples at 1 kHz: more than any measurement consumes, within the 2^40 supported. */
  private static final long RUN_NS = 1_000_000_000_000_000_000L;

  @Param({"sine+noise", "random-walk", "sum"})
  public String model;

  private SensorSignal signal;
  private double[] out;
  private long next;
  private Iterator<Reading> readings;
  private Simulation simulation;

  @Setup
  public void setUp() {
    SensorSpec sensor = new SensorSpec("accel", new Rate(1000, 1), List.of("x", "y", "z"), "", "", signal(model));
    signal = SensorSignal.compile(42, sensor);
    out = new double[BATCH * 3];
    simulation = Simulation.of(new SimulationSpec(42, RUN_NS, List.of(sensor), List.of()));
    readings = simulation.readings();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public double[] fill() {
    signal.fill(next, BATCH, out);
    next += BATCH;
    return out;
  }

  @Benchmark
  public void simulation(Blackhole sink) {
    sink.consume(readings.next());
  }

  private static SignalSpec signal(String model) {
    SignalSpec sine = new SignalSpec.Sine(v(1, 2, 3), v(5, 5, 7.5), v(0, 90, 45), v(0, 0, 9.81));
    SignalSpec noise = new SignalSpec.GaussianNoise(v(0, 0, 0), v(0.01, 0.01, 0.02));
    return switch (model) {
      case "sine+noise" -> new SignalSpec.Sum(List.of(sine, noise));
      case "random-walk" -> new SignalSpec.RandomWalk(v(0, 0, 0), v(0.1, 0.1, 0.1), v(-5, -5, -5), v(5, 5, 5));
      case "sum" -> new SignalSpec.Sum(List.of(sine, new SignalSpec.Square(v(1, 1, 1), v(2, 2, 2), v(0, 0, 0),
          v(0, 0, 0), v(0.5, 0.5, 0.5)), new SignalSpec.Counter(v(0, 0, 0), v(1e-3, 1e-3, 1e-3)), noise));
      default -> throw new IllegalArgumentException("unknown benchmark model: " + model);
    };
  }

  private static double[] v(double... values) {
    return values;
  }
}
