package dev.weir.harness.check;

import java.util.List;
import java.util.Objects;

/**
 * A {@link ReconnectChecker}'s verdict together with the retries it judged, from one pass: the
 * verdict's {@code retries-judged} count and the retries listed are the same judgements.
 *
 * @param verdict the verdict {@link ReconnectChecker#check} gives
 * @param retries the judged retries in the order the checker met them, at most {@link
 *     ReconnectChecker#RETRIES_KEPT}; never null, empty when none was judged
 * @param omitted judged retries past {@link ReconnectChecker#RETRIES_KEPT}, not listed
 */
public record ReconnectReview(Verdict verdict, List<ReconnectRetry> retries, long omitted) {

  public ReconnectReview {
    Objects.requireNonNull(verdict, "verdict");
    retries = List.copyOf(retries);
    if (omitted < 0) {
      throw new IllegalArgumentException("omitted must be 0 or more, got " + omitted);
    }
  }
}
