package dev.weir.harness.conformance;

import dev.weir.harness.check.BackpressureChecker;
import dev.weir.harness.check.Checker;
import dev.weir.harness.transport.Backpressure;
import dev.weir.harness.transport.Offer;
import dev.weir.harness.transport.fault.Faults;
import dev.weir.harness.transport.fault.TransportFault;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * 400 readings as fast as the backend can, to a consumer that spends 1 ms on each, behind a
 * blocking window of 16 messages: no more than the window (and the one send waiting on it) may be
 * unconsumed at any time, nothing may be dropped, and everything sent must be consumed.
 */
final class BackpressureCase implements ConformanceCase {

  private static final int COUNT = 400;
  private static final Backpressure WINDOW =
      new Backpressure(16, 64 * 1024, Backpressure.Policy.BLOCK);
  /** Lenience for the page-time conversion of consume reports (well under a millisecond measured). */
  private static final Duration CLOCK_TOLERANCE = Duration.ofMillis(5);

  @Override
  public String id() {
    return "backpressure";
  }

  @Override
  public String checker() {
    return "backpressure";
  }

  @Override
  public String description() {
    return COUNT + " readings at full speed to a 1 ms/message consumer behind a blocking window of "
        + WINDOW.maxMessages() + ": at most " + (WINDOW.maxMessages() + 1)
        + " unconsumed, no drop, all consumed";
  }

  @Override
  public List<String> kinds() {
    return List.of("channel", "websocket", "scheme");
  }

  @Override
  public void drive(CaseRun run) {
    Offer slow = Offer.PLAIN.withWindow(WINDOW).withFaults(new Faults(3, List.of(
        new TransportFault.SlowConsumer(0, Long.MAX_VALUE, Duration.ofMillis(1)))));
    run.start("backpressure", Map.of(), slow,
        new Producer(Timeline.steady(Readings.json(3, COUNT), COUNT, Duration.ZERO), true));
    run.awaitProducer(Duration.ofSeconds(60));
    run.settle();
    run.closeFrontend();
    run.settle();
  }

  @Override
  public List<Checker> checkers() {
    // The window, plus the one send that waits for credit; its bytes, plus that send's.
    return List.of(new BackpressureChecker(WINDOW.policy(), WINDOW.maxMessages() + 1,
        WINDOW.maxBytes() + 1024, CLOCK_TOLERANCE));
  }
}
