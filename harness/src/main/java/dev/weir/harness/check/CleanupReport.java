package dev.weir.harness.check;

import dev.weir.harness.trace.TraceSnapshot;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Turns a cleanup pass's tally into a verdict: counts, status, first violation, summary. */
final class CleanupReport {

  private final String checker;
  private final long stopNs;
  private final Map<String, Long> tolerances;

  CleanupReport(String checker, long stopNs, Map<String, Long> tolerances) {
    this.checker = checker;
    this.stopNs = stopNs;
    this.tolerances = tolerances;
  }

  Verdict verdict(TraceSnapshot trace, CleanupTally tally, Collection<CleanupStream> streams) {
    Map<String, Long> growth = growth(streams);
    CleanupFinding first = tally.first();
    Violation violation =
        first.present()
            ? ViolationContext.at(
                trace,
                first.stream(),
                first.index(),
                first.defect().label(),
                first.expected(stopNs, tolerance(first.what())),
                first.actual())
            : null;
    Status status = violation == null ? Status.OK : Status.FAILED;
    return new Verdict(
        checker,
        status,
        counts(tally, growth),
        Map.of(),
        violation,
        summary(status, tally, growth, violation));
  }

  /** The most each metric rose above its baseline on any stream, by metric name. */
  private static Map<String, Long> growth(Collection<CleanupStream> streams) {
    Map<String, Long> growth = new TreeMap<>();
    for (CleanupStream stream : streams) {
      for (CleanupGauge gauge : stream.gauges()) {
        growth.merge(gauge.metric(), gauge.maxGrowth(), Math::max);
      }
    }
    return growth;
  }

  private static Map<String, Long> counts(CleanupTally tally, Map<String, Long> growth) {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("streams", tally.streams());
    counts.put("opens", tally.opens());
    counts.put("closes", tally.closes());
    counts.put("ends", tally.ends());
    counts.put("closed-periods", tally.closedPeriods());
    counts.put("sends-after-close", tally.count(CleanupDefect.KEPT_PRODUCING));
    counts.put("longest-producing-after-close-us", tally.longestProducingNs() / 1_000);
    counts.put("consumes-after-close", tally.count(CleanupDefect.CONSUMED_AFTER_CLOSE));
    counts.put("deliveries-after-close", tally.count(CleanupDefect.DELIVERED_AFTER_CLOSE));
    counts.put("never-closed", tally.count(CleanupDefect.NEVER_CLOSED));
    counts.put("reports-beyond-history", tally.beyondHistory());
    counts.put("gauge-samples", tally.gaugeSamples());
    counts.put("gauges-over-baseline", tally.count(CleanupDefect.NOT_AT_BASELINE));
    growth.forEach((metric, most) -> counts.put("growth-" + metric, most));
    return counts;
  }

  private long tolerance(String metric) {
    return tolerances.getOrDefault(metric, 0L);
  }

  private String summary(
      Status status, CleanupTally tally, Map<String, Long> growth, Violation violation) {
    StringBuilder s = new StringBuilder(status.label()).append(": ");
    s.append(plural(tally.closedPeriods(), "closed period"))
        .append(" on ")
        .append(plural(tally.streams(), "stream"))
        .append(" (")
        .append(plural(tally.opens(), "open"))
        .append(", ")
        .append(plural(tally.closes(), "close"))
        .append(", ")
        .append(plural(tally.ends(), "end"))
        .append("); the producer must stop within ")
        .append(FirstFinding.millis(stopNs))
        .append(" of a close, and it last sent ")
        .append(FirstFinding.millis(tally.longestProducingNs()))
        .append(" after one. ")
        .append(plural(tally.gaugeSamples(), "gauge sample"));
    if (growth.isEmpty()) {
      s.append('.');
    } else {
      s.append("; most above baseline: ");
      String sep = "";
      for (Map.Entry<String, Long> metric : growth.entrySet()) {
        s.append(sep)
            .append(metric.getKey())
            .append(" +")
            .append(metric.getValue())
            .append(" (tolerance ")
            .append(tolerance(metric.getKey()))
            .append(')');
        sep = ", ";
      }
      s.append('.');
    }
    StringBuilder found = new StringBuilder();
    for (CleanupDefect defect : CleanupDefect.values()) {
      long n = tally.count(defect);
      if (n > 0) {
        found
            .append(found.length() == 0 ? " Found: " : ", ")
            .append(defect.label())
            .append(" (")
            .append(n)
            .append(')');
      }
    }
    if (found.length() > 0) {
      s.append(found).append('.');
    }
    if (tally.beyondHistory() > 0) {
      s.append(' ')
          .append(plural(tally.beyondHistory(), "page report"))
          .append(" came more than ")
          .append(CleanupStream.PERIODS)
          .append(" closes late and could not be judged.");
    }
    if (violation != null) {
      s.append(" First violation: ")
          .append(violation.defect())
          .append(" at event #")
          .append(violation.event().index())
          .append(" (stream \"")
          .append(violation.event().stream())
          .append("\"): expected ")
          .append(violation.expected())
          .append(", but ")
          .append(violation.actual())
          .append('.');
    }
    return s.toString();
  }

  private static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
