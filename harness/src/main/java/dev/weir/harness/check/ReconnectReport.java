package dev.weir.harness.check;

import dev.weir.harness.trace.TraceSnapshot;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Turns a reconnect pass's tally into a verdict: counts, fractions, status, violation, summary. */
final class ReconnectReport {

  private final String checker;
  private final ReconnectPolicy policy;
  private final ReconnectTolerance tolerance;
  private final boolean resumes;

  ReconnectReport(
      String checker, ReconnectPolicy policy, ReconnectTolerance tolerance, boolean resumes) {
    this.checker = checker;
    this.policy = policy;
    this.tolerance = tolerance;
    this.resumes = resumes;
  }

  Verdict verdict(TraceSnapshot trace, ReconnectTally tally) {
    ReconnectFinding first = tally.first();
    Violation violation =
        first.present()
            ? ViolationContext.at(
                trace,
                first.stream(),
                first.index(),
                first.defect().label(),
                first.expected(policy, tolerance),
                first.actual(policy, tolerance))
            : null;
    Status status = violation == null ? Status.OK : Status.FAILED;
    return new Verdict(
        checker, status, counts(tally), fractions(tally), violation, summary(status, tally, violation));
  }

  private static Map<String, Long> counts(ReconnectTally tally) {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("streams", tally.streams());
    counts.put("outages", tally.outages());
    counts.put("attempts", tally.attempts());
    counts.put("refusals", tally.refusals());
    counts.put("resets", tally.resets());
    counts.put("give_ups", tally.giveUps());
    counts.put("retries_judged", tally.judged());
    counts.put("within_envelope", tally.withinEnvelope());
    counts.put("resumes_judged", tally.resumesJudged());
    for (ReconnectDefect defect : ReconnectDefect.values()) {
      counts.put(defect.countName(), tally.count(defect));
    }
    counts.put("worst_late_ns", tally.worstLateNs());
    return counts;
  }

  private static Map<String, Double> fractions(ReconnectTally tally) {
    Map<String, Double> fractions = new LinkedHashMap<>();
    fractions.put(
        "within_envelope",
        tally.judged() == 0 ? Double.NaN : (double) tally.withinEnvelope() / tally.judged());
    return fractions;
  }

  private String summary(Status status, ReconnectTally tally, Violation violation) {
    StringBuilder s = new StringBuilder(status.label()).append(": reconnection on ");
    s.append(plural(tally.streams(), "stream")).append(" judged against ").append(policy);
    s.append(resumes ? ", resuming" : "").append(": ");
    s.append(plural(tally.outages(), "outage")).append(", ");
    s.append(plural(tally.attempts(), "connection attempt")).append(" (");
    s.append(plural(tally.refusals(), "refusal")).append("), ");
    s.append(plural(tally.resets(), "reset")).append(", ");
    s.append(plural(tally.giveUps(), "give-up")).append(" reported; ");
    s.append(tally.withinEnvelope())
        .append(" of ")
        .append(plural(tally.judged(), "retry", "retries"))
        .append(" judged came within their envelope and tolerance");
    if (tally.judged() > 0) {
      s.append(
          String.format(
              Locale.ROOT, " (%.1f%%)", 100.0 * tally.withinEnvelope() / tally.judged()));
    }
    if (resumes) {
      s.append(", ").append(plural(tally.resumesJudged(), "resumption")).append(" judged");
    }
    s.append('.');
    StringBuilder found = new StringBuilder();
    for (ReconnectDefect defect : ReconnectDefect.values()) {
      long n = tally.count(defect);
      if (n > 0) {
        found
            .append(found.length() == 0 ? " Found: " : ", ")
            .append(n)
            .append(' ')
            .append(defect.label());
      }
    }
    if (found.length() > 0) {
      s.append(found).append('.');
    }
    if (tally.worstStream() != null) {
      s.append(" Latest retry ")
          .append(FirstFinding.millis(tally.worstLateNs()))
          .append(" past its envelope (stream \"")
          .append(tally.worstStream())
          .append("\", attempt ")
          .append(tally.worstAttempt())
          .append(").");
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
    return plural(n, noun, noun + "s");
  }

  private static String plural(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
