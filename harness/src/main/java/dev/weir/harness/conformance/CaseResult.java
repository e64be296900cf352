package dev.weir.harness.conformance;

import dev.weir.harness.check.Status;
import dev.weir.harness.check.Verdict;
import dev.weir.harness.evidence.Evidence;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One case run on one transport: its verdicts and what a report plots of it. The CLI's table, the
 * JUnit engine's test result and the HTML report are all made from these.
 *
 * @param caseId the case's stable id, such as {@code ordering} or a scenario's id
 * @param description one sentence saying what the case does
 * @param kind the transport kind it ran on
 * @param verdicts its checkers' verdicts, at least one
 * @param took how long the run took, judging included
 * @param evidence latency, throughput, buffer occupancy and reconnect delays of the run
 */
public record CaseResult(String caseId, String description, String kind, List<Verdict> verdicts,
    Duration took, Evidence evidence) {

  public CaseResult {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(took, "took");
    Objects.requireNonNull(evidence, "evidence");
    verdicts = List.copyOf(verdicts);
    if (verdicts.isEmpty()) {
      throw new IllegalArgumentException(
          caseId + " on " + kind + ": expected at least one verdict, got none");
    }
  }

  /** True when no verdict FAILED. */
  public boolean passed() {
    return verdicts.stream().allMatch(v -> v.status() != Status.FAILED);
  }

  /** Each verdict's checker and status, such as {@code ordering/consume OK, buffer FAILED}. */
  public String statuses() {
    return verdicts.stream().map(v -> v.checker() + " " + v.status().label())
        .collect(Collectors.joining(", "));
  }

  /** The verdicts that FAILED, in checker order. */
  public List<Verdict> failures() {
    return verdicts.stream().filter(v -> v.status() == Status.FAILED).toList();
  }

  /**
   * The run's one status, as a verdict matrix shows it: FAILED if any verdict failed, else
   * NON-STRICT if any deviated as allowed, else OK if any was judged, else INFORMATIONAL.
   */
  public Status status() {
    for (Status status : List.of(Status.FAILED, Status.NON_STRICT, Status.OK)) {
      if (verdicts.stream().anyMatch(v -> v.status() == status)) {
        return status;
      }
    }
    return Status.INFORMATIONAL;
  }
}
