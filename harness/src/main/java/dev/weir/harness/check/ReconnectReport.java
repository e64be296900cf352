package dev.weir.harness.check;

import static dev.weir.harness.check.ReconnectTally.ATTEMPT;
import static dev.weir.harness.check.ReconnectTally.BOUND;
import static dev.weir.harness.check.ReconnectTally.FIRST;
import static dev.weir.harness.check.ReconnectTally.HEARD;
import static dev.weir.harness.check.ReconnectTally.HELD;
import static dev.weir.harness.check.ReconnectTally.SECOND;
import static dev.weir.harness.check.ReconnectTally.THIRD;

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
    EarliestFinding<ReconnectDefect> first = tally.first();
    Violation violation =
        first.present() ? first.violation(trace, expected(first), actual(first)) : null;
    String unjudged = tally.streams() == 0
        ? "no connection attempt was seen: there was no reconnection to judge."
        : tally.outages() == 0
            ? "no connection was lost or refused: the backoff was never exercised." : null;
    Status status =
        violation != null ? Status.FAILED : unjudged != null ? Status.INCONCLUSIVE : Status.OK;
    return new Verdict(checker, status, counts(tally), fractions(tally), violation,
        summary(status, unjudged, tally, violation));
  }

  private static Map<String, Long> counts(ReconnectTally tally) {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("streams", tally.streams());
    counts.put("outages", tally.outages());
    counts.put("attempts", tally.attempts());
    counts.put("refusals", tally.refusals());
    counts.put("resets", tally.resets());
    counts.put("give-ups", tally.giveUps());
    counts.put("retries-judged", tally.judged());
    counts.put("within-envelope", tally.withinEnvelope());
    counts.put("resumes-judged", tally.resumesJudged());
    for (ReconnectDefect defect : ReconnectDefect.values()) {
      counts.put(defect.label(), tally.count(defect));
    }
    counts.put("worst-late-ns", tally.worstLateNs());
    return counts;
  }

  private static Map<String, Double> fractions(ReconnectTally tally) {
    Map<String, Double> fractions = new LinkedHashMap<>();
    fractions.put(
        "within-envelope",
        tally.judged() == 0 ? Double.NaN : (double) tally.withinEnvelope() / tally.judged());
    return fractions;
  }

  /** What the declared behaviour required, as a sentence. */
  private String expected(EarliestFinding<ReconnectDefect> f) {
    long attempt = f.number(ATTEMPT);
    long high = f.number(THIRD);
    return switch (f.defect()) {
      case RETRY_AFTER_GIVE_UP -> "no attempt once the page has reported giving up";
      case TOO_MANY_ATTEMPTS -> "at most " + policy.maxAttempts() + " attempts, then give up";
      case TOO_EARLY, TOO_LATE, ABOVE_CAP ->
          "attempt "
              + attempt
              + " waits "
              + Units.millis(f.number(SECOND))
              + " to "
              + Units.millis(high)
              + " after "
              + (f.number(HEARD) > 0 ? "the page heard that " : "")
              + (attempt == 1
                  ? "the connection was lost"
                  : "attempt " + (attempt - 1) + " was refused")
              + " ("
              + policy.jitter().label()
              + " jitter), within "
              + (f.defect() == ReconnectDefect.TOO_EARLY
                  ? Units.millis(tolerance.earlyNs()) + " early"
                  : Units.millis(tolerance.lateAllowanceNs(high)) + " late");
      case GIVE_UP_NOT_VISIBLE ->
          "after "
              + plural(attempt, "failed attempt")
              + " the page reports giving up (a reconnect give-up)";
      case NO_JITTER ->
          "retry delays spread over their envelopes (" + policy.jitter().label() + " jitter)";
      case RESUME_LOST, RESUME_REPEATED ->
          "the first message consumed after reconnecting is sequence " + (f.number(FIRST) + 1);
    };
  }

  /**
   * What a timed finding allowed besides the tolerance: the page clock's bound and, for a late one,
   * the time the page's event loop was held while it waited (a busy renderer runs the page's timer
   * late, which is not the page's schedule).
   */
  private static String allowed(EarliestFinding<ReconnectDefect> f, String direction) {
    long bound = f.number(BOUND);
    long held = direction.equals("more") ? f.number(HELD) : 0;
    long heard = f.number(HEARD);
    String timed = heard == 0 ? "" : "; timed from when the page heard of it, "
        + Units.millis(heard) + " after the server's";
    if (bound == 0 && held == 0) {
      return timed.isEmpty() ? "" : " (" + timed.substring(2) + ")"; // a trace no page timed
    }
    return " (" + direction + " than the tolerance plus the page clock's bound of "
        + Units.millis(bound)
        + (direction.equals("more")
            ? " and the " + Units.millis(held) + " the page's event loop was held"
                + (heard == 0 ? " when the loss came and" : "") + " when its timer was due"
            : "")
        + timed + ")";
  }

  /** What the trace shows instead, as a sentence. */
  private String actual(EarliestFinding<ReconnectDefect> f) {
    long attempt = f.number(ATTEMPT);
    long first = f.number(FIRST);
    long second = f.number(SECOND);
    long third = f.number(THIRD);
    return switch (f.defect()) {
      case RETRY_AFTER_GIVE_UP ->
          "attempt " + attempt + " came " + Units.millis(first) + " after the page reported giving up";
      case TOO_MANY_ATTEMPTS -> "attempt " + attempt + " was made";
      case TOO_EARLY -> "it came after " + Units.millis(first) + ", too soon: a retry storm"
          + allowed(f, "less");
      case TOO_LATE ->
          "it came after " + Units.millis(first) + ", " + Units.millis(first - third) + " late"
              + allowed(f, "more");
      case ABOVE_CAP ->
          "it came after "
              + Units.millis(first)
              + ", beyond the cap of "
              + Units.millis(third)
              + ": the backoff is not capped"
              + allowed(f, "more");
      case GIVE_UP_NOT_VISIBLE ->
          "no give-up was reported for the stream after this, by the end of the trace";
      case NO_JITTER ->
          "all "
              + attempt
              + " retries whose envelope was wider than "
              + Units.millis(4 * tolerance.lateNs())
              + " came within "
              + Units.millis(tolerance.lateNs())
              + " of its top, which a jittered client does with a chance of "
              + String.format(Locale.ROOT, "%.2g", ReconnectTally.chance(f));
      case RESUME_LOST ->
          "it was sequence "
              + second
              + ": "
              + plural(second - first - 1, "message")
              + " lost across the outage";
      case RESUME_REPEATED ->
          "it was sequence " + second + ", consumed again after " + first + " had been";
    };
  }

  private String summary(
      Status status, String unjudged, ReconnectTally tally, Violation violation) {
    StringBuilder s = Units.verdictStart(status, unjudged).append("reconnection on ");
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
          .append(Units.millis(tally.worstLateNs()))
          .append(" past its envelope (stream \"")
          .append(tally.worstStream())
          .append("\", attempt ")
          .append(tally.worstAttempt())
          .append(").");
    }
    if (violation != null) {
      s.append(" First violation: ")
          .append(violation.describe()).append('.');
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
