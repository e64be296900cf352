package dev.weir.scenarios.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weir.harness.check.BackpressureChecker;
import dev.weir.harness.check.BufferChecker;
import dev.weir.harness.check.CleanupChecker;
import dev.weir.harness.check.OrderingChecker;
import dev.weir.harness.check.ReconnectChecker;
import dev.weir.harness.check.ReconnectPolicy;
import dev.weir.harness.check.ReconnectTolerance;
import dev.weir.harness.trace.EventKind;
import dev.weir.harness.transport.Backpressure;
import dev.weir.simulator.spec.SpecException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each expectation builds the harness checker its settings describe (compared through the
 * checkers' own descriptions, which show every setting), and the defaults mirrored from the page
 * and the harness are theirs.
 */
class ScenarioExpectationTest {

  @Test
  void eachExpectationBuildsItsChecker() throws SpecException {
    List<Expectation> expectations = Parse.file("valid/full.yaml").get(0).scenario().expectations();
    assertEquals(List.of("ordering", "cleanup", "backpressure", "reconnect", "buffer"),
        expectations.stream().map(Expectation::key).toList());
    ReconnectPolicy policy = new ReconnectPolicy(Duration.ofMillis(20), 1.5, Duration.ofMillis(800),
        ReconnectPolicy.Jitter.EQUAL, ReconnectPolicy.UNLIMITED, Duration.ofMillis(300));
    assertEquals(List.of(
        new OrderingChecker(EventKind.DELIVERY, Duration.ofSeconds(2)).toString(),
        new CleanupChecker(Duration.ofMillis(200), Map.of("js-heap-bytes", 2L << 20, "listeners", 0L)).toString(),
        new BackpressureChecker(Backpressure.Policy.DROP_OLDEST, 33, 18 * 64 * 1024, Duration.ofMillis(2)).toString(),
        new ReconnectChecker(policy, new ReconnectTolerance(Duration.ofMillis(1), Duration.ofMillis(50), 0.5), true)
            .toString(),
        new BufferChecker(200, 512 * 1024).toString()),
        expectations.stream().map(e -> e.checker().toString()).toList());
  }

  @Test
  void theDefaultsMirroredFromThePageAndTheHarnessAreTheirs() {
    Backoff d = Backoff.DEFAULT;
    assertEquals(ReconnectPolicy.DEFAULT, new ReconnectPolicy(Duration.ofNanos(d.baseNs()), d.factor(),
        Duration.ofNanos(d.maxNs()), d.jitter(), d.maxAttempts(), Duration.ofNanos(d.resetAfterNs())));
    assertEquals(ReconnectPolicy.UNLIMITED, Backoff.UNLIMITED);
    Expectation.Tolerance t = Expectation.Tolerance.DEFAULT;
    assertEquals(ReconnectTolerance.DEFAULT,
        new ReconnectTolerance(Duration.ofNanos(t.earlyNs()), Duration.ofNanos(t.lateNs()), t.lateRatio()));
    assertEquals(List.of("block", "drop-oldest", "drop-newest", "latest-only"), TransportSpec.Window.POLICY_LABELS);
  }
}
