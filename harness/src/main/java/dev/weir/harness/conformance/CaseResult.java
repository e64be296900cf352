package dev.weir.harness.conformance;

import dev.weir.harness.check.Status;
import dev.weir.harness.check.Verdict;
import java.time.Duration;
import java.util.List;

/** The verdicts of one case on one transport. */
public record CaseResult(String caseId, String checker, String kind, List<Verdict> verdicts,
    Duration took) {

  public CaseResult {
    verdicts = List.copyOf(verdicts);
  }

  /** True when no verdict FAILED. */
  public boolean passed() {
    return verdicts.stream().allMatch(v -> v.status() != Status.FAILED);
  }

  /** The verdicts that FAILED. */
  public List<Verdict> failures() {
    return verdicts.stream().filter(v -> v.status() == Status.FAILED).toList();
  }
}
