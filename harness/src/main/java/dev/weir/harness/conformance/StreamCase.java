package dev.weir.harness.conformance;

import dev.weir.harness.check.BufferChecker;
import dev.weir.harness.check.Checker;
import dev.weir.harness.check.CleanupChecker;
import dev.weir.harness.transport.Offer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A case described by data rather than code: one stream played from a {@link Timeline} over one
 * transport, offered with a window and wire faults, to a frontend opened with a configuration,
 * then judged by the given checkers. What a scenario file describes becomes one of these, so a
 * scenario runs exactly as the built-in cases do.
 *
 * @param id the run's id, such as a scenario's {@code name[kind=channel,seed=1]}
 * @param description one sentence for tables
 * @param kind the transport kind
 * @param stream the stream's name
 * @param config the frontend's URL configuration (besides transport and stream)
 * @param offer the stream's window and wire faults
 * @param timeline what the backend sends and when; the stream ends after it
 * @param checkers what judges the trace
 */
public record StreamCase(
    String id,
    String description,
    String kind,
    String stream,
    Map<String, Object> config,
    Offer offer,
    Timeline timeline,
    List<Checker> checkers) implements ConformanceCase {

  /**
   * How long a run may go on past its timeline's length without a send (the frontend taking
   * nothing, a wire held) before it ends incomplete.
   */
  static final Duration GRACE = Duration.ofSeconds(10);

  /**
   * The least a frontend must take, on average, for its run to end: a stream sent as fast as the
   * page takes it runs as long as the page keeps taking, up to its length plus the grace plus a
   * millisecond a message (the reference takes tens of thousands a second).
   */
  static final Duration PER_MESSAGE = Duration.ofMillis(1);

  /** How often the page's heap is sampled while the stream runs, when memory is judged. */
  private static final Duration HEAP_EVERY = Duration.ofSeconds(1);

  public StreamCase {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(offer, "offer");
    Objects.requireNonNull(timeline, "timeline");
    if (timeline.count() == Timeline.UNBOUNDED) {
      throw new IllegalArgumentException("A stream case's timeline must end; " + timeline);
    }
    config = Map.copyOf(config);
    checkers = List.copyOf(checkers);
    if (checkers.isEmpty()) {
      throw new IllegalArgumentException("A stream case needs at least one checker: " + id);
    }
  }

  /** The checkers' names, joined with {@code +}. */
  @Override
  public String checker() {
    return checkers.stream().map(Checker::name).collect(Collectors.joining("+"));
  }

  @Override
  public List<String> kinds() {
    return List.of(kind);
  }

  @Override
  public void drive(CaseRun run) {
    // A buffer whose memory is judged needs heap samples once it is full, whenever that is.
    boolean heap = checkers.stream()
        .anyMatch(c -> c instanceof BufferChecker buffer && buffer.judgesMemory());
    run.start(stream, config, offer, new Producer(timeline, true));
    try (CaseRun.Sampling sampling = heap ? run.sampleHeapEvery(HEAP_EVERY) : null) {
      // A frontend that stops taking the stream never lets the producer finish: judge it anyway.
      Duration length = timeline.length();
      run.awaitProducer(length, GRACE,
          length.plus(GRACE).plus(PER_MESSAGE.multipliedBy(timeline.count())));
    }
    run.closeWhenSettled();
    if (heap) {
      run.sampleHeap();
    }
    if (checkers.stream().anyMatch(CleanupChecker.class::isInstance)) {
      // One close sets no baseline for what a close must give back: the gauges after it are the
      // baseline, and one more open and close of the frontend must leave them there.
      run.sampleGauges();
      run.openFrontend();
      run.closeWhenSettled();
      run.sampleGauges();
    }
  }
}
