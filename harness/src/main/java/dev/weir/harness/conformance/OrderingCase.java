package dev.weir.harness.conformance;

import dev.weir.harness.check.Checker;
import dev.weir.harness.check.OrderingChecker;
import dev.weir.harness.trace.EventKind;
import dev.weir.harness.transport.Offer;
import dev.weir.harness.transport.Transports;
import dev.weir.harness.transport.fault.Faults;
import dev.weir.harness.transport.fault.TransportFault;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * 1,500 readings at 1 kHz, through a clean wire or one with faults (seeded): the application must
 * get them in order, once each, skipping only dropped ones and only after its gap timeout, and
 * nothing may wait longer than the stall bound. {@link #ALL}: the clean case is the baseline every
 * frontend must meet strictly; the faulty one reorders within 8, duplicates 2 % and drops 1 %,
 * and stays open a while after its last reading before it ends.
 */
record OrderingCase(String id, String description, List<TransportFault> faults) implements ConformanceCase {

  private static final long SEED = 7;
  private static final int COUNT = 1_500;
  private static final Duration STALL_BOUND = Duration.ofSeconds(1);
  /**
   * How long a faulty stream stays open after its last reading. A frontend that waits for a lost
   * message until the stream ends holds the messages after it that long too: about 3.4 s for the
   * first one, which convicts it of a stall unless the page's event loop was held (and allowed)
   * for more than 70 % of that time (docs/checkers.md, ledger entry 11).
   */
  private static final Duration HELD_OPEN = Duration.ofSeconds(2);

  static final List<OrderingCase> ALL = List.of(
      new OrderingCase("1.1-ordering-clean",
          COUNT + " readings at 1 kHz on a clean wire: every one consumed once, in order, no wait over "
              + STALL_BOUND.toMillis() + " ms",
          List.of()),
      new OrderingCase("1.2-ordering-faults",
          COUNT + " readings at 1 kHz, reordered within 8, 2 % duplicated, 1 % dropped; consumed in"
              + " order, once, no wait over " + STALL_BOUND.toMillis() + " ms; the stream ends "
              + HELD_OPEN.toSeconds() + " s after the last",
          List.of(
              new TransportFault.Reorder(0, Long.MAX_VALUE, 8),
              new TransportFault.Duplicate(0, Long.MAX_VALUE, 0.02),
              new TransportFault.Drop(0, Long.MAX_VALUE, 0.01))));

  @Override
  public String checker() {
    return "ordering";
  }

  @Override
  public List<String> kinds() {
    return Transports.KINDS;
  }

  @Override
  public void drive(CaseRun run) {
    Offer offer = faults.isEmpty() ? Offer.PLAIN : Offer.PLAIN.withFaults(new Faults(SEED, faults));
    run.start("ordering", Map.of("gapTimeoutMs", 200), offer,
        new Producer(Timeline.steady(Readings.json(SEED, COUNT), COUNT, Duration.ofMillis(1)), true)
            .heldOpenFor(faults.isEmpty() ? Duration.ZERO : HELD_OPEN));
    run.awaitProducer(Duration.ofSeconds(30));
    run.closeWhenSettled();
  }

  @Override
  public List<Checker> checkers() {
    return List.of(new OrderingChecker(EventKind.CONSUME, STALL_BOUND));
  }
}
