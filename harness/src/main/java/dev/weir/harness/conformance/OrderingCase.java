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
 * 1,500 readings at 1 kHz through a transport that reorders within 8, duplicates 2 % and drops
 * 1 % (seeded): the application must get them in order, once each, skipping only the dropped ones
 * and only after its gap timeout, and nothing may wait longer than the stall bound.
 */
final class OrderingCase implements ConformanceCase {

  private static final long SEED = 7;
  private static final int COUNT = 1_500;
  private static final Duration STALL_BOUND = Duration.ofSeconds(1);

  @Override
  public String id() {
    return "ordering";
  }

  @Override
  public String checker() {
    return "ordering";
  }

  @Override
  public String description() {
    return COUNT + " readings at 1 kHz, reordered within 8, 2 % duplicated, 1 % dropped;"
        + " consumed in order, once, no wait over " + STALL_BOUND.toMillis() + " ms";
  }

  @Override
  public List<String> kinds() {
    return Transports.KINDS;
  }

  @Override
  public void drive(CaseRun run) {
    Offer faulty = Offer.PLAIN.withFaults(new Faults(SEED, List.of(
        new TransportFault.Reorder(0, Long.MAX_VALUE, 8),
        new TransportFault.Duplicate(0, Long.MAX_VALUE, 0.02),
        new TransportFault.Drop(0, Long.MAX_VALUE, 0.01))));
    run.start("ordering", Map.of("gapTimeoutMs", 200), faulty,
        new Producer(Timeline.steady(Readings.json(SEED, COUNT), COUNT, Duration.ofMillis(1)), true));
    run.awaitProducer(Duration.ofSeconds(30));
    run.settle();
    run.closeFrontend();
    run.settle();
  }

  @Override
  public List<Checker> checkers() {
    return List.of(new OrderingChecker(EventKind.CONSUME, STALL_BOUND));
  }
}
