package dev.weir.harness.bench;

import dev.weir.harness.trace.EventKind;
import dev.weir.harness.trace.Trace;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of appending one event to a {@link Trace}: time per event, and with {@code -prof gc} the
 * bytes allocated per event ({@code gc.alloc.rate.norm}, chunk allocations amortized). Each
 * iteration starts a fresh trace and lasts 200 ms, so a trace stays within a few hundred MB. {@code
 * sendContended} appends from two threads into one trace, as producers and CEF's thread do.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 10, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class TraceBenchmark {

  private Trace trace;
  private int stream;

  /** One thread's next sequence number. */
  @State(Scope.Thread)
  public static class Sequence {
    long next;
  }

  @Setup(Level.Iteration)
  public void freshTrace() {
    trace = Trace.start();
    stream = trace.stream("bench");
  }

  @Benchmark
  @Threads(1)
  public void send(Sequence s) {
    trace.send(stream, s.next, 64, s.next++);
  }

  @Benchmark
  @Threads(2)
  public void sendContended(Sequence s) {
    trace.send(stream, s.next, 64, s.next++);
  }

  @Benchmark
  @Threads(1)
  public void delivery(Sequence s) {
    trace.delivery(stream, s.next++, 64, 1000);
  }

  @Benchmark
  @Threads(1)
  public void drop(Sequence s) {
    trace.lifecycle(EventKind.DROP, stream, s.next++, "drop-oldest");
  }
}
