package dev.weir.harness.conformance;

import dev.weir.harness.check.Checker;
import dev.weir.harness.check.ReconnectChecker;
import dev.weir.harness.check.ReconnectPolicy;
import dev.weir.harness.check.ReconnectTolerance;
import dev.weir.harness.transport.Offer;
import dev.weir.harness.transport.fault.Faults;
import dev.weir.harness.transport.fault.TransportFault;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server goes down while a stream is running, for as long as the case says, and the frontend
 * reconnects under a declared backoff policy: attempts as the server sees them must follow it.
 * Four cases ({@link #ALL}) each put one part of the policy to the test: the cap, the jitter, the
 * give-up and the reset after a stable connection. Over WebSocket, where the frontend's own backoff
 * decides (an EventSource reconnects by itself, at the server's retry interval).
 */
record ReconnectCase(
    String id, String description, ReconnectPolicy policy, List<Long> outagesAt, Duration outage,
    int count) implements ConformanceCase {

  private static final long SEED = 13;
  private static final Duration INTERVAL = Duration.ofMillis(2);

  static final List<ReconnectCase> ALL = List.of(
      new ReconnectCase("4.1-reconnect-cap",
          "a 1.5 s outage under backoff 50 ms ×2 capped at 200 ms, no jitter: no delay above the cap",
          new ReconnectPolicy(Duration.ofMillis(50), 2, Duration.ofMillis(200),
              ReconnectPolicy.Jitter.NONE, 20, Duration.ofSeconds(1)),
          List.of(100L), Duration.ofMillis(1500), 600),
      new ReconnectCase("4.2-reconnect-jitter",
          "a 4 s outage under backoff 50 ms ×2 capped at 800 ms, full jitter: delays drawn"
              + " across the envelope, not at its top",
          new ReconnectPolicy(Duration.ofMillis(50), 2, Duration.ofMillis(800),
              ReconnectPolicy.Jitter.FULL, 30, Duration.ofSeconds(1)),
          List.of(100L), Duration.ofSeconds(4), 400),
      new ReconnectCase("4.3-reconnect-give-up",
          "a 2 s outage with at most 4 attempts: gives up visibly after the fourth, tries no more",
          new ReconnectPolicy(Duration.ofMillis(20), 2, Duration.ofMillis(160),
              ReconnectPolicy.Jitter.NONE, 4, Duration.ofSeconds(1)),
          List.of(100L), Duration.ofSeconds(2), 400),
      new ReconnectCase("4.4-reconnect-reset",
          "two 500 ms outages 1 s apart, reset after 300 ms stable: the second starts from the"
              + " base delay again",
          new ReconnectPolicy(Duration.ofMillis(20), 2, Duration.ofMillis(160),
              ReconnectPolicy.Jitter.NONE, 20, Duration.ofMillis(300)),
          List.of(100L, 600L), Duration.ofMillis(500), 900));

  @Override
  public String checker() {
    return "reconnect";
  }

  @Override
  public List<String> kinds() {
    return List.of("websocket");
  }

  @Override
  public void drive(CaseRun run) {
    Offer cut = Offer.PLAIN.withFaults(new Faults(SEED, outagesAt.stream()
        .<TransportFault>map(at -> new TransportFault.Disconnect(at, outage))
        .toList()));
    run.start("reconnect", config(), cut,
        new Producer(Timeline.steady(Readings.json(SEED, count), count, INTERVAL), true));
    // Long enough for every outage and the attempts after it; a frontend that gave up never
    // lets the producer finish.
    Duration budget = INTERVAL.multipliedBy(count).plus(outage.multipliedBy(outagesAt.size()))
        .plusSeconds(2);
    Poll.atMost(() -> run.producer().done() || run.state().equals("gave-up"), budget);
    run.closeWhenSettled();
  }

  private Map<String, Object> config() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("baseMs", policy.base().toMillis());
    config.put("factor", policy.factor());
    config.put("maxMs", policy.cap().toMillis());
    config.put("jitter", policy.jitter().label());
    config.put("maxAttempts", policy.maxAttempts());
    config.put("resetAfterMs", policy.resetAfter().toMillis());
    config.put("seed", SEED);
    return config;
  }

  @Override
  public List<Checker> checkers() {
    return List.of(new ReconnectChecker(policy, ReconnectTolerance.DEFAULT));
  }
}
