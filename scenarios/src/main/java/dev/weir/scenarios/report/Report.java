package dev.weir.scenarios.report;

import dev.weir.harness.conformance.CaseResult;
import dev.weir.harness.check.Status;
import dev.weir.scenarios.run.Conditions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a report shows: runs of cases on transports, each with its verdicts and evidence. The
 * matrix's rows are the cases in the order their first run comes, its columns the transports
 * likewise; a case that has no run on a transport is not applicable there.
 *
 * @param title the report's heading, such as {@code weir conformance: fixtures/frontend/reference}
 * @param runs in the order they ran; at most one per case and transport
 * @param conditions the stress and load average the runs ran under; empty when not recorded (a
 *     report from a weir before they were)
 */
public record Report(String title, List<CaseResult> runs, Optional<Conditions> conditions) {

  public Report {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(conditions, "conditions");
    runs = List.copyOf(runs);
    Set<String> seen = new HashSet<>();
    for (CaseResult run : runs) {
      if (!seen.add(run.caseId() + "\n" + run.kind())) {
        throw new IllegalArgumentException(
            "expected one run per case and transport, got two of " + run.caseId() + " on "
                + run.kind());
      }
    }
  }

  /**
   * The report a report folder's {@code index.json} holds, such as a CI artifact's: {@link
   * ReportWriter#write} makes the whole folder from it again.
   *
   * @throws IOException when it cannot be read or is not an index.json weir writes, saying why
   */
  public static Report read(Path indexJson) throws IOException {
    return IndexJson.read(indexJson);
  }

  /** Each case's id and title (its first run's), in the order their first runs come. */
  public Map<String, String> cases() {
    Map<String, String> cases = new LinkedHashMap<>();
    for (CaseResult run : runs) {
      cases.putIfAbsent(run.caseId(), run.description());
    }
    return cases;
  }

  /** The transports, in the order their first runs come. */
  public List<String> transports() {
    Set<String> transports = new LinkedHashSet<>();
    runs.forEach(run -> transports.add(run.kind()));
    return new ArrayList<>(transports);
  }

  /** The run of {@code caseId} on {@code transport}; empty where the case does not apply. */
  public Optional<CaseResult> run(String caseId, String transport) {
    return runs.stream()
        .filter(r -> r.caseId().equals(caseId) && r.kind().equals(transport))
        .findFirst();
  }

  /**
   * How many runs came out with each status: every status present (0 for none) but INCONCLUSIVE,
   * which is listed only when a run has it, so a report without one reads (and its index.json is
   * written again) as before that status existed.
   */
  public Map<Status, Long> totals() {
    Map<Status, Long> totals = new EnumMap<>(Status.class);
    for (Status status : Status.values()) {
      if (status != Status.INCONCLUSIVE) {
        totals.put(status, 0L);
      }
    }
    runs.forEach(run -> totals.merge(run.status(), 1L, Long::sum));
    return totals;
  }
}
