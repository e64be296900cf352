package dev.weir.harness.conformance;

import dev.weir.harness.check.Status;
import dev.weir.harness.check.Verdict;
import dev.weir.harness.evidence.Evidence;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
 * @param bundle where the run's repro bundle was written, for a failed run whose runner writes them
 */
public record CaseResult(String caseId, String description, String kind, List<Verdict> verdicts,
    Duration took, Evidence evidence, Optional<Path> bundle) {

  /** A result with no repro bundle. */
  public CaseResult(String caseId, String description, String kind, List<Verdict> verdicts,
      Duration took, Evidence evidence) {
    this(caseId, description, kind, verdicts, took, evidence, Optional.empty());
  }

  public CaseResult {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(took, "took");
    Objects.requireNonNull(evidence, "evidence");
    Objects.requireNonNull(bundle, "bundle");
    verdicts = List.copyOf(verdicts);
    if (verdicts.isEmpty()) {
      throw new IllegalArgumentException(
          caseId + " on " + kind + ": expected at least one verdict, got none");
    }
  }

  /** This result, with its repro bundle at {@code folder}. */
  public CaseResult withBundle(Path folder) {
    return new CaseResult(caseId, description, kind, verdicts, took, evidence, Optional.of(folder));
  }

  /** True when every verdict passed: none FAILED, none INCONCLUSIVE. */
  public boolean passed() {
    return verdicts.stream().allMatch(v -> v.status().passed());
  }

  /** True when no verdict FAILED: the run passed if INCONCLUSIVE ones are allowed. */
  public boolean passedAllowingInconclusive() {
    return verdicts.stream().noneMatch(v -> v.status() == Status.FAILED);
  }

  /** Each verdict's checker and status, such as {@code ordering/consume OK, buffer FAILED}. */
  public String statuses() {
    return verdicts.stream().map(v -> v.checker() + " " + v.status().label())
        .collect(Collectors.joining(", "));
  }

  /**
   * The verdicts as two runs of one case are compared (a repeat, a bundle's replay): each
   * checker's status and first defect, such as {@code ordering/consume FAILED (out-of-order)}.
   * Counts and times are left out; they differ between runs that found the same thing.
   */
  public String outcome() {
    return verdicts.stream()
        .map(v -> v.checker() + " " + v.status().label()
            + v.firstViolation().map(f -> " (" + f.defect() + ")").orElse(""))
        .collect(Collectors.joining(", "));
  }

  /**
   * The verdicts that did not pass: the FAILED ones, then the INCONCLUSIVE ones, each in checker
   * order (a report's one failure message names a failed verdict before one that could not judge).
   */
  public List<Verdict> failures() {
    return Stream.concat(
        verdicts.stream().filter(v -> v.status() == Status.FAILED),
        verdicts.stream().filter(v -> v.status() == Status.INCONCLUSIVE)).toList();
  }

  /**
   * The run's one status, as a verdict matrix shows it: FAILED if any verdict failed, else
   * INCONCLUSIVE if any could not judge, else NON-STRICT if any deviated as allowed, else OK if any
   * was judged, else INFORMATIONAL.
   */
  public Status status() {
    for (Status status :
        List.of(Status.FAILED, Status.INCONCLUSIVE, Status.NON_STRICT, Status.OK)) {
      if (verdicts.stream().anyMatch(v -> v.status() == status)) {
        return status;
      }
    }
    return Status.INFORMATIONAL;
  }
}
