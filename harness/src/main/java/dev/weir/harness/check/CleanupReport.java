package dev.weir.harness.check;

import static dev.weir.harness.check.CleanupTally.ALLOWED;
import static dev.weir.harness.check.CleanupTally.MEASURED;
import static dev.weir.harness.check.CleanupTally.REFERENCE;
import static dev.weir.harness.check.CleanupTally.SUBJECT;

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
    EarliestFinding<CleanupDefect> first = tally.first();
    Violation violation =
        first.present() ? first.violation(trace, expected(first), actual(first)) : null;
    String unjudged = tally.closedPeriods() == 0 && tally.gaugeSamples() == 0
        ? "nothing was closed and no gauge was sampled: there was no close to judge." : null;
    Status status =
        violation != null ? Status.FAILED : unjudged != null ? Status.INCONCLUSIVE : Status.OK;
    return new Verdict(
        checker,
        status,
        counts(tally, growth),
        Map.of(),
        violation,
        summary(status, unjudged, tally, growth, violation));
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

  /** What the declared behaviour required, as a sentence. */
  private String expected(EarliestFinding<CleanupDefect> f) {
    return switch (f.defect()) {
      case NEVER_CLOSED ->
          "a subscription the frontend reports closed is closed or ended on the Java side";
      case KEPT_PRODUCING ->
          "the producer stops within " + Units.millis(stopNs) + " of the stream's close";
      case DELIVERED_AFTER_CLOSE ->
          "nothing reaches the page later than "
              + Units.millis(stopNs)
              + " after it closed the stream";
      case CONSUMED_AFTER_CLOSE ->
          "no message is handed to the application after the frontend reports the stream closed";
      case NOT_AT_BASELINE -> {
        long tolerance = tolerance(f.text());
        yield "\""
            + f.text()
            + "\" returns to its baseline of "
            + f.number(REFERENCE)
            + (tolerance == 0 ? "" : " (tolerance +" + tolerance + ")")
            + " once a close has settled";
      }
    };
  }

  /** What the trace shows instead, as a sentence. */
  private static String actual(EarliestFinding<CleanupDefect> f) {
    long subject = f.number(SUBJECT);
    long measured = f.number(MEASURED);
    long reference = f.number(REFERENCE);
    String what = f.text();
    String s = "sequence " + subject;
    String after = Units.millis(measured) + " after ";
    return switch (f.defect()) {
      case NEVER_CLOSED ->
          "the frontend reported closing the subscription opened at event #"
              + reference
              + " ("
              + what
              + "), but no close or end followed by the end of the trace";
      case KEPT_PRODUCING ->
          s + " was sent " + after + "the close (" + what + ", event #" + reference + ")";
      case DELIVERED_AFTER_CLOSE ->
          s + " was delivered " + after + "the page's " + what + " (event #" + reference + ")"
              + allowed(f);
      case CONSUMED_AFTER_CLOSE ->
          s + " was consumed " + after + "the frontend reported closing (event #" + reference + ")"
              + allowed(f);
      case NOT_AT_BASELINE ->
          "sample "
              + subject
              + " read "
              + measured
              + ", "
              + CleanupGauge.growth(measured, reference)
              + " above the baseline";
    };
  }

  /** The page clock's bound the finding allowed, where it compared a page time. */
  private static String allowed(EarliestFinding<CleanupDefect> f) {
    long allowed = f.number(ALLOWED);
    return allowed == 0 ? "" : ", beyond the page clock's bound of " + Units.millis(allowed);
  }

  private long tolerance(String metric) {
    return tolerances.getOrDefault(metric, 0L);
  }

  private String summary(Status status, String unjudged, CleanupTally tally,
      Map<String, Long> growth, Violation violation) {
    StringBuilder s = Units.verdictStart(status, unjudged);
    s.append(Units.plural(tally.closedPeriods(), "closed period"))
        .append(" on ")
        .append(Units.plural(tally.streams(), "stream"))
        .append(" (")
        .append(Units.plural(tally.opens(), "open"))
        .append(", ")
        .append(Units.plural(tally.closes(), "close"))
        .append(", ")
        .append(Units.plural(tally.ends(), "end"))
        .append("); the producer must stop within ")
        .append(Units.millis(stopNs))
        .append(" of a close, and it last sent ")
        .append(Units.millis(tally.longestProducingNs()))
        .append(" after one. ")
        .append(Units.plural(tally.gaugeSamples(), "gauge sample"));
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
          .append(Units.plural(tally.beyondHistory(), "page report"))
          .append(" came more than ")
          .append(CleanupStream.PERIODS)
          .append(" closes late and could not be judged.");
    }
    if (violation != null) {
      s.append(" First violation: ")
          .append(violation.describe()).append('.');
    }
    return s.toString();
  }

}
