package dev.weir.harness.evidence;

import dev.weir.harness.check.ReconnectChecker;
import dev.weir.harness.check.ReconnectRetry;
import java.util.List;

/**
 * The reconnect retries a run's {@link ReconnectChecker} judged, each with its envelope: what the
 * report plots as delays against the policy.
 *
 * @param retries in the order judged, at most {@link ReconnectChecker#RETRIES_KEPT}; empty when the
 *     run had no reconnect checker or no retry
 * @param omitted judged retries not listed
 */
public record Retries(List<ReconnectRetry> retries, long omitted) {

  /** No reconnect checker judged the run. */
  public static final Retries NONE = new Retries(List.of(), 0);

  public Retries {
    retries = List.copyOf(retries);
    if (omitted < 0) {
      throw new IllegalArgumentException("omitted must be 0 or more, got " + omitted);
    }
  }
}
