package dev.weir.harness.conformance;

import dev.weir.harness.check.BufferChecker;
import dev.weir.harness.check.Checker;
import dev.weir.harness.transport.Offer;
import dev.weir.harness.transport.Transports;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * 1,000 readings into a circular buffer of 200: it must never hold more, hold exactly the newest
 * in order, evict exactly 800, and the page's heap after the buffer filled must stay flat.
 */
final class BufferCase implements ConformanceCase {

  private static final int CAPACITY = 200;
  private static final int COUNT = 1_000;
  /** Heap growth allowed once the buffer is full: far above the noise of a GC'd heap (tens of KB). */
  private static final long HEAP_TOLERANCE = 1 << 20;

  @Override
  public String id() {
    return "5.1-buffer";
  }

  @Override
  public String checker() {
    return "buffer";
  }

  @Override
  public String description() {
    return COUNT + " readings into a buffer of " + CAPACITY + ": never over capacity, the newest in"
        + " order, " + (COUNT - CAPACITY) + " evictions, heap flat within 1 MiB once full";
  }

  @Override
  public List<String> kinds() {
    return Transports.KINDS;
  }

  @Override
  public void drive(CaseRun run) {
    run.start("buffer", Map.of("capacity", CAPACITY), Offer.PLAIN,
        new Producer(Timeline.steady(Readings.json(11, COUNT), COUNT, Duration.ofMillis(1)), true));
    run.awaitSent(COUNT * 6L / 10);
    run.sampleHeap();
    run.awaitProducer(Duration.ofSeconds(30));
    run.closeWhenSettled();
    run.sampleHeap();
  }

  @Override
  public List<Checker> checkers() {
    return List.of(new BufferChecker(CAPACITY, HEAP_TOLERANCE));
  }
}
