package dev.weir.harness.conformance;

import dev.weir.harness.trace.TraceSnapshot;
import java.util.Objects;

/**
 * A run's result with the trace it was judged from: what a runner needs to leave a failing run's
 * evidence behind (its repro bundle), and lets go of otherwise.
 */
public record JudgedRun(CaseResult result, TraceSnapshot trace) {

  public JudgedRun {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(trace, "trace");
  }
}
