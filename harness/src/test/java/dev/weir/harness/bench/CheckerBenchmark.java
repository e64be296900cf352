package dev.weir.harness.bench;

import dev.weir.harness.check.CleanupChecker;
import dev.weir.harness.check.BackpressureChecker;
import dev.weir.harness.check.BufferChecker;
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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The time to judge a 10-million-event trace (5 M sends and 5 M deliveries on four streams,
 * deliveries reported late in interleaved batches; see {@link LongTraces}) with the ordering
 * checker: one operation is one whole check. {@code clean} passes; {@code faulty} has swapped
 * pairs, duplicates and drop-covered losses, so it fails and also pays for the context pass. With
 * {@code -prof gc}, {@code gc.alloc.rate.norm} is what one check allocates: the same for any trace
 * length ({@code OrderingMemoryTest}).
 *
 * <p>{@code buffer} judges a 10-million-event trace of four streams' consumes and their circular
 * buffers' snapshots ({@link LongTraces#buffered}); {@code faulty} there has one snapshot in
 * sixteen with two items swapped.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class CheckerBenchmark {

  private static final long EVENTS = 10_000_000;

  @Param({"clean", "faulty"})
  public String shape;

  private final OrderingChecker ordering =
      new OrderingChecker(EventKind.DELIVERY, Duration.ofSeconds(1));
  private TraceSnapshot trace;

  // buffer checker
  private final BufferChecker buffer = new BufferChecker(LongTraces.BUFFER_CAPACITY, 1 << 20);
  private TraceSnapshot buffered;

  @Setup(Level.Trial)
  public void buildTrace() {
    trace = LongTraces.fourStreams(EVENTS, shape.equals("faulty"), 42);
  }

  @Benchmark
  public Verdict ordering() {
    return ordering.check(trace);
  }

  // cleanup checker

  /**
   * The cleanup checker's trace: 10 M events of open/close cycles on four streams ({@link
   * LongTraces#openCloseCycles}), faulty when {@link #shape} is; built once per trial, apart from
   * the ordering trace.
   */
  @State(Scope.Benchmark)
  public static class CleanupCycles {

    private final CleanupChecker cleanup =
        new CleanupChecker(Duration.ofMillis(100), Map.of("js-heap-bytes", 1_000_000L));
    private TraceSnapshot trace;

    @Setup(Level.Trial)
    public void buildTrace(CheckerBenchmark benchmark) {
      trace = LongTraces.openCloseCycles(EVENTS, benchmark.shape.equals("faulty"), 42);

  // buffer checker

  @Setup(Level.Trial)
  public void buildBufferedTrace(BenchmarkParams params) {
    if (params.getBenchmark().endsWith(".buffer")) {
      buffered = LongTraces.buffered(EVENTS, shape.equals("faulty"), 42);

  // reconnect checker

  /**
   * A 10-million-event trace of four streams losing and regaining their connections ({@link
   * LongTraces#reconnecting}): the same for either {@code shape}, so run it with {@code -p
   * shape=clean}.
   */
  @State(Scope.Benchmark)
  public static class Reconnecting {
    private final ReconnectChecker reconnect =
        new ReconnectChecker(LongTraces.RECONNECT_POLICY, ReconnectTolerance.DEFAULT, true);
    private TraceSnapshot trace;

    @Setup(Level.Trial)
    public void buildTrace() {
      trace = LongTraces.reconnecting(EVENTS, 42);
    }
  }

  @Benchmark
  public Verdict cleanup(CleanupCycles cycles) {
    return cycles.cleanup.check(cycles.trace);
  }

  // backpressure checker: its own trace of sends and late-reported consumes behind a block window
  // of 16 (LongTraces.slowConsumer); faulty silently discards one message in ten thousand, so it
  // fails over-window and unaccounted.

  private final BackpressureChecker backpressure =
      new BackpressureChecker(
          Backpressure.Policy.BLOCK,
          LongTraces.SLOW_CONSUMER_WINDOW,
          1 << 20,
          Duration.ofMillis(1));
  private TraceSnapshot slowConsumer;

  @Setup(Level.Trial)
  public void buildSlowConsumerTrace() {
    slowConsumer = LongTraces.slowConsumer(EVENTS, shape.equals("faulty"), 42);
  }

  @Benchmark
  public Verdict backpressure() {
    return backpressure.check(slowConsumer);

  public Verdict buffer() {
    return buffer.check(buffered);

  public Verdict reconnect(Reconnecting state) {
    return state.reconnect.check(state.trace);
  }
}
