package dev.weir.harness.bench;

import dev.weir.harness.check.BackpressureChecker;
import dev.weir.harness.check.BufferChecker;
import dev.weir.harness.check.Checker;
import dev.weir.harness.check.CleanupChecker;
import dev.weir.harness.check.LongTraces;
import dev.weir.harness.check.OrderingChecker;
import dev.weir.harness.check.ReconnectChecker;
import dev.weir.harness.check.ReconnectTolerance;
import dev.weir.harness.check.Verdict;
import dev.weir.harness.trace.EventKind;
import dev.weir.harness.trace.TraceSnapshot;
import dev.weir.harness.transport.Backpressure;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The time to judge a 10-million-event trace with each checker: one operation is one whole check,
 * on a trace built for that checker by {@link LongTraces} (each benchmark builds only its own).
 * {@code clean} passes; {@code faulty} breaks what the checker judges, so it fails and also pays
 * for the context pass. With {@code -prof gc}, {@code gc.alloc.rate.norm} is what one check
 * allocates: the same for any trace length (the checkers' memory tests).
 *
 * <ul>
 *   <li>ordering: 5 M sends and 5 M deliveries on four streams, deliveries reported late in
 *       interleaved batches; faulty has swapped pairs, duplicates and drop-covered losses;
 *   <li>cleanup: open/close cycles on four streams with gauges; faulty sends after some closes
 *       and consumes after others;
 *   <li>backpressure: sends and late-reported consumes behind a block window of 16; faulty
 *       silently discards one message in ten thousand;
 *   <li>reconnect: four streams losing and regaining their connections; the same trace for either
 *       shape, so it runs once;
 *   <li>buffer: four streams' consumes and their circular buffers' snapshots; faulty has one
 *       snapshot in sixteen with two items swapped.
 * </ul>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class CheckerBenchmark {

  private static final long EVENTS = 10_000_000;
  private static final long SEED = 42;

  /** Which trace to judge. */
  @State(Scope.Benchmark)
  public static class Shape {
    @Param({"clean", "faulty"})
    public String shape;

    boolean faulty() {
      return shape.equals("faulty");
    }
  }

  /** A checker and the trace it judges. */
  abstract static class Judged {
    Checker checker;
    TraceSnapshot trace;

    Verdict check() {
      return checker.check(trace);
    }
  }

  @State(Scope.Benchmark)
  public static class Ordering extends Judged {
    @Setup(Level.Trial)
    public void build(Shape shape) {
      checker = new OrderingChecker(EventKind.DELIVERY, Duration.ofSeconds(1));
      trace = LongTraces.fourStreams(EVENTS, shape.faulty(), SEED);
    }
  }

  @State(Scope.Benchmark)
  public static class Cleanup extends Judged {
    @Setup(Level.Trial)
    public void build(Shape shape) {
      checker = new CleanupChecker(Duration.ofMillis(100), Map.of("js-heap-bytes", 1_000_000L));
      trace = LongTraces.openCloseCycles(EVENTS, shape.faulty(), SEED);
    }
  }

  @State(Scope.Benchmark)
  public static class Backpressured extends Judged {
    @Setup(Level.Trial)
    public void build(Shape shape) {
      checker = new BackpressureChecker(Backpressure.Policy.BLOCK, LongTraces.SLOW_CONSUMER_WINDOW,
          1 << 20, Duration.ofMillis(1));
      trace = LongTraces.slowConsumer(EVENTS, shape.faulty(), SEED);
    }
  }

  @State(Scope.Benchmark)
  public static class Reconnecting extends Judged {
    @Setup(Level.Trial)
    public void build() {
      checker = new ReconnectChecker(LongTraces.RECONNECT_POLICY, ReconnectTolerance.DEFAULT, true);
      trace = LongTraces.reconnecting(EVENTS, SEED);
    }
  }

  @State(Scope.Benchmark)
  public static class Buffered extends Judged {
    @Setup(Level.Trial)
    public void build(Shape shape) {
      checker = new BufferChecker(LongTraces.BUFFER_CAPACITY, 1 << 20);
      trace = LongTraces.buffered(EVENTS, shape.faulty(), SEED);
    }
  }

  @Benchmark
  public Verdict ordering(Ordering judged) {
    return judged.check();
  }

  @Benchmark
  public Verdict cleanup(Cleanup judged) {
    return judged.check();
  }

  @Benchmark
  public Verdict backpressure(Backpressured judged) {
    return judged.check();
  }

  @Benchmark
  public Verdict reconnect(Reconnecting judged) {
    return judged.check();
  }

  @Benchmark
  public Verdict buffer(Buffered judged) {
    return judged.check();
  }
}
