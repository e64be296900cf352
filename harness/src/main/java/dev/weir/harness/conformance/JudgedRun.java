package dev.weir.harness.conformance;

import dev.weir.harness.trace.TraceSnapshot;
import java.util.Objects;

/**
 * A run's result with the trace it was judged from: what a runner needs to leave a failing run's
 * evidence behind (its repro bundle), and lets go of otherwise.
 *
 * @param sent how many messages of its timeline the producer sent, from the first: a run that did
 *     not complete sent fewer than its timeline had, and its stream file holds only those
 * @param total how many its timeline had ({@link Timeline#UNBOUNDED} for no end)
 */
public record JudgedRun(CaseResult result, TraceSnapshot trace, long sent, long total) {

  /** Whether the producer sent its whole timeline. */
  public boolean complete() {
    return sent == total;
  }

  public JudgedRun {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(trace, "trace");
  }
}
