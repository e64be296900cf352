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
 * blocking window: no more than the window (and the one send waiting on it) may be unconsumed at
 * any time, nothing may be dropped, and everything sent must be consumed. {@link #ALL}: a window
 * bound by its message count, and one bound by its bytes, which a frontend that counts only
 * messages (or grants credit by message) gets wrong.
 */
record BackpressureCase(String id, Backpressure window) implements ConformanceCase {

  private static final int COUNT = 400;
  /** Lenience for the page-time conversion of consume reports (well under a millisecond measured). */
  private static final Duration CLOCK_TOLERANCE = Duration.ofMillis(5);
  /** Room for the one send that waits for credit: a reading's JSON is well under this. */
  private static final long ONE_SEND_BYTES = 1024;

  static final List<BackpressureCase> ALL = List.of(
      new BackpressureCase("3.1-backpressure-messages",
          new Backpressure(16, 64 * 1024, Backpressure.Policy.BLOCK)),
      new BackpressureCase("3.2-backpressure-bytes",
          new Backpressure(1_000, 4 * 1024, Backpressure.Policy.BLOCK)));

  @Override
  public String checker() {
    return "backpressure";
  }

  @Override
  public String description() {
    boolean byBytes = window.maxBytes() < 64 * 1024;
    return COUNT + " readings at full speed to a 1 ms/message consumer behind a blocking window of "
        + (byBytes ? window.maxBytes() / 1024 + " KiB" : window.maxMessages() + " messages")
        + ": at most " + (byBytes ? (window.maxBytes() + ONE_SEND_BYTES) / 1024 + " KiB"
            : window.maxMessages() + 1 + " messages")
        + " unconsumed, no drop, all consumed";
  }

  @Override
  public List<String> kinds() {
    return List.of("channel", "websocket", "scheme");
  }

  @Override
  public void drive(CaseRun run) {
    Offer slow = Offer.PLAIN.withWindow(window).withFaults(new Faults(3, List.of(
        new TransportFault.SlowConsumer(0, Long.MAX_VALUE, Duration.ofMillis(1)))));
    run.start("backpressure", Map.of(), slow,
        new Producer(Timeline.steady(Readings.json(3, COUNT), COUNT, Duration.ZERO), true));
    run.awaitProducer(Duration.ofSeconds(60));
    run.closeWhenSettled();
  }

  @Override
  public List<Checker> checkers() {
    // The window, plus the one send that waits for credit; its bytes, plus that send's.
    return List.of(new BackpressureChecker(window.policy(), window.maxMessages() + 1,
        window.maxBytes() + ONE_SEND_BYTES, CLOCK_TOLERANCE));
  }
}
