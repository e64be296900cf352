package dev.weir.harness.check;

import static dev.weir.harness.check.BackpressureDefect.NEWEST_NOT_DELIVERED;
import static dev.weir.harness.check.BackpressureDefect.OVER_BYTES;
import static dev.weir.harness.check.BackpressureDefect.OVER_WINDOW;
import static dev.weir.harness.check.BackpressureDefect.POLICY_VIOLATED;
import static dev.weir.harness.check.BackpressureTally.SEQUENCE;
import static dev.weir.harness.check.BackpressureTally.VALUE;

import dev.weir.harness.trace.TraceEvent;
import dev.weir.harness.trace.TraceSnapshot;
import dev.weir.harness.transport.Backpressure;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns a backpressure pass's tally into a verdict: counts, fractions, status, violation, summary. */
final class BackpressureReport {

  private final String checker;
  private final Backpressure.Policy policy;
  private final int maxInFlight;
  private final long maxInFlightBytes;
  private final long toleranceNs;
  private final long boundNs;

  BackpressureReport(
      String checker,
      Backpressure.Policy policy,
      int maxInFlight,
      long maxInFlightBytes,
      long toleranceNs,
      long boundNs) {
    this.checker = checker;
    this.policy = policy;
    this.maxInFlight = maxInFlight;
    this.maxInFlightBytes = maxInFlightBytes;
    this.toleranceNs = toleranceNs;
    this.boundNs = boundNs;
  }

  Verdict verdict(TraceSnapshot trace, BackpressureTally tally) {
    String unjudged = tally.sends() == 0 ? "nothing was sent: there was no window to judge." : null;
    Status status = Status.judged(
        tally.firstFailure().present(), tally.firstAllowed().present(), unjudged != null);
    Violation violation = violation(trace, tally);
    return new Verdict(
        checker,
        status,
        counts(tally),
        fractions(tally),
        violation,
        summary(status, unjudged, tally, violation));
  }

  private static Map<String, Long> counts(BackpressureTally tally) {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("streams", tally.streams());
    counts.put("sends", tally.sends());
    counts.put("consumed", tally.consumed());
    counts.put("drops", tally.windowDrops());
    counts.put("other-drops", tally.otherDrops());
    counts.put("unaccounted", tally.unaccounted());
    counts.put("max-in-flight", tally.maxInFlight());
    counts.put("max-in-flight-bytes", tally.maxInFlightBytes());
    counts.put("sends-over-window", tally.count(OVER_WINDOW));
    counts.put("sends-over-bytes", tally.count(OVER_BYTES));
    counts.put("policy-violations", tally.count(POLICY_VIOLATED));
    counts.put("newest-not-delivered", tally.count(NEWEST_NOT_DELIVERED));
    return counts;
  }

  /** Shares of the messages sent; NaN (JSON null) when none was sent. */
  private static Map<String, Double> fractions(BackpressureTally tally) {
    Map<String, Double> fractions = new LinkedHashMap<>();
    fractions.put("consumed", over(tally.consumed(), tally.sends()));
    fractions.put("dropped", over(tally.windowDrops(), tally.sends()));
    fractions.put("unaccounted", over(tally.unaccounted(), tally.sends()));
    return fractions;
  }

  /** The first failure, else the first allowed drop, with its context; null for neither. */
  private Violation violation(TraceSnapshot trace, BackpressureTally tally) {
    EarliestFinding<BackpressureDefect> first =
        tally.firstFailure().present() ? tally.firstFailure() : tally.firstAllowed();
    return first.present() ? first.violation(trace, expected(first), actual(first, tally)) : null;
  }

  /** What the declared behaviour required, as a sentence. */
  private String expected(EarliestFinding<BackpressureDefect> f) {
    return switch (f.defect()) {
      case POLICY_VIOLATED, DROPPED ->
          policy == Backpressure.Policy.BLOCK
              ? "no drop by a window policy: under block the producer waits for credit"
              : "drops only by the declared policy, " + BackpressureChecker.label(policy);
      case OVER_WINDOW ->
          "at most "
              + Units.plural(maxInFlight, "message")
              + " in flight (sent, neither consumed nor dropped) at any send";
      case OVER_BYTES -> "at most " + Units.plural(maxInFlightBytes, "payload byte") + " in flight at any send";
      case NEWEST_NOT_DELIVERED ->
          "under latest-only, the last message sent on an ended stream is consumed";
      case UNACCOUNTED ->
          "every message sent on an ended stream is consumed, or a drop event accounts for it";
    };
  }

  /** What the trace shows instead, as a sentence. */
  private static String actual(EarliestFinding<BackpressureDefect> f, BackpressureTally tally) {
    long sequence = f.number(SEQUENCE);
    long value = f.number(VALUE);
    String message = sequence == TraceEvent.ABSENT ? "a message" : "sequence " + sequence;
    return switch (f.defect()) {
      case POLICY_VIOLATED -> message + " was dropped by " + f.text();
      case DROPPED -> message + " was dropped by " + f.text() + ", as declared";
      case OVER_WINDOW ->
          Units.plural(value, "message")
              + " were in flight at the send of "
              + message
              + "; the most at any send was "
              + tally.maxInFlight();
      case OVER_BYTES ->
          Units.plural(value, "byte")
              + " were in flight at the send of "
              + message
              + "; the most at any send was "
              + tally.maxInFlightBytes();
      case NEWEST_NOT_DELIVERED -> message + ", the last sent, was never consumed";
      case UNACCOUNTED ->
          Units.plural(value, "message")
              + " sent on stream \""
              + f.stream()
              + "\" "
              + (value == 1 ? "was" : "were")
              + " neither consumed nor dropped by the end of the trace"
              + (sequence == TraceEvent.ABSENT ? "" : ", the first " + message);
    };
  }

  private String summary(
      Status status, String unjudged, BackpressureTally tally, Violation violation) {
    StringBuilder s = Units.verdictStart(status, unjudged);
    s.append(Units.plural(tally.sends(), "message")).append(" sent on ");
    s.append(Units.plural(tally.streams(), "stream")).append(" under ");
    s.append(BackpressureChecker.label(policy)).append(", bounds ");
    s.append(Units.plural(maxInFlight, "message")).append(" and ");
    s.append(Units.plural(maxInFlightBytes, "byte")).append(" in flight (clock tolerance ");
    s.append(Units.millis(toleranceNs));
    if (boundNs > 0) {
      s.append(" plus the page clock's bound of ").append(Units.millis(boundNs));
    }
    s.append("); ");
    s.append(tally.consumed()).append(" consumed, ");
    s.append(tally.windowDrops()).append(" dropped by the window, ");
    s.append(tally.otherDrops()).append(" by faults or the resume buffer, ");
    s.append(tally.unaccounted()).append(" unaccounted for on ended streams. At most ");
    s.append(Units.plural(tally.maxInFlight(), "message")).append(" (");
    s.append(Units.plural(tally.maxInFlightBytes(), "byte")).append(") in flight at a send.");
    StringBuilder found = new StringBuilder();
    found(found, tally.count(OVER_WINDOW), "send", " over the message bound");
    found(found, tally.count(OVER_BYTES), "send", " over the byte bound");
    found(found, tally.count(POLICY_VIOLATED), "drop", " against the policy");
    found(found, tally.count(NEWEST_NOT_DELIVERED), "stream", " whose newest was never consumed");
    found(
        found,
        tally.count(BackpressureDefect.UNACCOUNTED),
        "stream",
        " with messages unaccounted for");
    if (found.length() > 0) {
      s.append(found).append('.');
    }
    if (violation != null) {
      s.append(status == Status.FAILED ? " First violation: " : " First allowed drop: ")
          .append(violation.describe()).append('.');
    }
    return s.toString();
  }

  private static void found(StringBuilder found, long n, String noun, String what) {
    if (n > 0) {
      found.append(found.length() == 0 ? " Found: " : ", ").append(Units.plural(n, noun)).append(what);
    }
  }


  private static double over(long n, long sends) {
    return sends == 0 ? Double.NaN : (double) n / sends;
  }
}
