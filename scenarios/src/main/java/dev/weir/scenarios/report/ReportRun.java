package dev.weir.scenarios.report;

import dev.weir.harness.check.Status;
import dev.weir.harness.check.Verdict;
import dev.weir.harness.evidence.Evidence;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One case run on one transport, as a report shows it: one cell of the matrix and one section.
 *
 * @param caseId the case's stable id, such as {@code ordering} or {@code reconnect/cap}
 * @param title one sentence saying what the case does
 * @param transport the transport kind it ran on
 * @param verdicts its checkers' verdicts, at least one
 * @param took how long the run took, judging included
 * @param evidence what the report plots of the run
 */
public record ReportRun(
    String caseId,
    String title,
    String transport,
    List<Verdict> verdicts,
    Duration took,
    Evidence evidence) {

  public ReportRun {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(took, "took");
    Objects.requireNonNull(evidence, "evidence");
    verdicts = List.copyOf(verdicts);
    if (verdicts.isEmpty()) {
      throw new IllegalArgumentException(
          caseId + " on " + transport + ": expected at least one verdict, got none");
    }
  }

  /**
   * The run's one status for the matrix: FAILED if any verdict failed, else NON-STRICT if any
   * deviated as allowed, else OK if any was judged, else INFORMATIONAL (all measured only).
   */
  public Status status() {
    for (Status status : List.of(Status.FAILED, Status.NON_STRICT, Status.OK)) {
      if (verdicts.stream().anyMatch(v -> v.status() == status)) {
        return status;
      }
    }
    return Status.INFORMATIONAL;
  }

  /** The first verdict that failed, if any: the one a failing test names. */
  public Optional<Verdict> firstFailure() {
    return verdicts.stream().filter(v -> v.status() == Status.FAILED).findFirst();
  }
}
