package dev.weir.harness.conformance;

import dev.weir.harness.check.Checker;
import dev.weir.harness.evidence.LatencyMeasure;
import dev.weir.harness.evidence.ThroughputMeasure;
import dev.weir.harness.transport.Offer;
import dev.weir.harness.transport.Transports;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a transport costs, measured on every kind and judged on none ({@link #ALL}): throughput with
 * readings sent as fast as the backend can, latency with readings paced at 1 kHz (a queue that
 * builds up under a burst would measure the queue, not the transport). Their verdicts are
 * INFORMATIONAL: they never fail a run; the report plots them.
 */
record MeasureCase(String id, String checker, String description, int count, Duration interval,
    Checker measure) implements ConformanceCase {

  private static final long SEED = 17;

  static final List<MeasureCase> ALL = List.of(
      new MeasureCase("6.1-throughput", "throughput",
          "5,000 readings as fast as the backend sends them: messages/s and MB/s to the page"
              + " (informational)",
          5_000, Duration.ZERO, new ThroughputMeasure()),
      new MeasureCase("6.2-latency", "latency",
          "1,000 readings at 1 kHz: send-to-delivery latency p50/p90/p99/max (informational)",
          1_000, Duration.ofMillis(1), new LatencyMeasure()));

  @Override
  public List<String> kinds() {
    return Transports.KINDS;
  }

  @Override
  public void drive(CaseRun run) {
    run.start(checker, Map.of(), Offer.PLAIN,
        new Producer(Timeline.steady(Readings.json(SEED, count), count, interval), true));
    run.awaitProducer(Duration.ofSeconds(60));
    run.closeWhenSettled();
  }

  @Override
  public List<Checker> checkers() {
    return List.of(measure);
  }
}
