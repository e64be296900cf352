package dev.weir.harness.conformance;

import dev.weir.harness.check.Checker;
import dev.weir.harness.check.CleanupChecker;
import dev.weir.harness.transport.Offer;
import dev.weir.harness.transport.Transports;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A warm-up open and close, then five cycles of open, 50 readings, close from the page, one cycle
 * ended by the backend, one whose subscription a reload ends, and a last one ended by closing the
 * page, against a producer that goes on for as long as a subscription is open: after each close
 * the producer must stop, nothing be consumed, and (but after the page is gone) the page's
 * listeners, callbacks, heap and the transport's subscriptions be back where they were after the
 * warm-up.
 */
final class CleanupCase implements ConformanceCase {

  private static final int CYCLES = 5;
  private static final int PER_CYCLE = 50;
  /** How long a producer may go on after a close: one poll of the slowest JS half and then some. */
  private static final Duration STOP_BOUND = Duration.ofMillis(250);
  private static final Duration SETTLE_AFTER_CLOSE = Duration.ofMillis(500);
  /** Heap growth allowed over the warm-up's: well above a GC'd heap's noise. */
  private static final long HEAP_TOLERANCE = 1 << 20;

  @Override
  public String id() {
    return "2.1-cleanup";
  }

  @Override
  public String checker() {
    return "cleanup";
  }

  @Override
  public String description() {
    return CYCLES + " open/close cycles from the page, one ended by the backend, one by a reload,"
        + " one by closing the page: producer"
        + " stopped within " + STOP_BOUND.toMillis() + " ms, nothing consumed after close,"
        + " listeners, callbacks, subscriptions and heap (1 MiB) back to baseline";
  }

  @Override
  public List<String> kinds() {
    return Transports.KINDS;
  }

  @Override
  public void drive(CaseRun run) {
    run.start("cleanup", Map.of(), Offer.PLAIN, new Producer(
        Timeline.steady(Readings.json(5, PER_CYCLE), Timeline.UNBOUNDED, Duration.ofMillis(1)),
        false));
    cycle(run, false); // warm-up: the first open loads and compiles what later ones reuse
    run.sampleGauges();
    for (int i = 0; i < CYCLES; i++) {
      run.openFrontend();
      cycle(run, false);
      run.sampleGauges();
    }
    run.openFrontend();
    cycle(run, true);
    run.sampleGauges();
    run.reload(); // the old document's subscription ends with it; the new one opens its own
    cycle(run, false);
    run.sampleGauges();
    run.openFrontend();
    run.awaitSent(run.producer().sent() + PER_CYCLE);
    run.closePage();
    run.settle(SETTLE_AFTER_CLOSE);
  }

  private static void cycle(CaseRun run, boolean endedByBackend) {
    run.awaitSent(run.producer().sent() + PER_CYCLE);
    if (endedByBackend) {
      run.producer().endCurrent();
      Poll.atMost(() -> !run.state().equals("open"), Duration.ofSeconds(2));
    }
    run.closeFrontend();
    // Once close() has settled, only the last delivery reports and the Java side's close are
    // still to come: 500 ms is ample, and a frontend that never lets go costs no more.
    run.settle(SETTLE_AFTER_CLOSE);
  }

  @Override
  public List<Checker> checkers() {
    return List.of(new CleanupChecker(STOP_BOUND, Map.of(Gauges.HEAP, HEAP_TOLERANCE)));
  }
}
