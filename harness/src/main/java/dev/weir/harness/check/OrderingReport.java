package dev.weir.harness.check;

import static dev.weir.harness.check.OrderingDefect.ALLOWED_LOST;
import static dev.weir.harness.check.OrderingDefect.DUPLICATE;
import static dev.weir.harness.check.OrderingDefect.LOST;
import static dev.weir.harness.check.OrderingDefect.OUT_OF_ORDER;
import static dev.weir.harness.check.OrderingDefect.PHANTOM;
import static dev.weir.harness.check.OrderingDefect.RESENT;
import static dev.weir.harness.check.OrderingDefect.STALL;

import dev.weir.harness.trace.EventKind;
import dev.weir.harness.trace.TraceSnapshot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns an ordering pass's tally into a verdict: counts, fractions, status, violation, summary. */
final class OrderingReport {

  /** Defect counts in the verdict's order (Jepsen's queue checker's, then the extras). */
  private static final List<OrderingDefect> COUNTED =
      List.of(LOST, ALLOWED_LOST, DUPLICATE, OUT_OF_ORDER, PHANTOM, STALL, RESENT);

  private final String checker;
  private final EventKind arrivals;
  private final long stallNs;
  private final int window;

  OrderingReport(String checker, EventKind arrivals, long stallNs, int window) {
    this.checker = checker;
    this.arrivals = arrivals;
    this.stallNs = stallNs;
    this.window = window;
  }

  Verdict verdict(TraceSnapshot trace, OrderingTally tally) {
    Status status =
        tally.firstFailure().present()
            ? Status.FAILED
            : tally.firstAllowed().present() ? Status.NON_STRICT : Status.OK;
    Violation violation = violation(trace, tally);
    return new Verdict(
        checker,
        status,
        counts(tally),
        fractions(tally),
        violation,
        summary(status, tally, violation));
  }

  private static Map<String, Long> counts(OrderingTally tally) {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("streams", tally.streams());
    counts.put("sent", tally.sent());
    counts.put("arrived", tally.arrived());
    counts.put("ok", tally.ok());
    for (OrderingDefect defect : COUNTED) {
      counts.put(defect.countName(), tally.count(defect));
    }
    counts.put("worst_wait_ns", tally.worstWaitNs());
    return counts;
  }

  /** Shares of the messages sent, as Jepsen's queue checker gives them (resends excluded). */
  private static Map<String, Double> fractions(OrderingTally tally) {
    Map<String, Double> fractions = new LinkedHashMap<>();
    fractions.put("ok", over(tally.ok(), tally.sent()));
    for (OrderingDefect defect : COUNTED.subList(0, COUNTED.indexOf(RESENT))) {
      fractions.put(defect.countName(), over(tally.count(defect), tally.sent()));
    }
    return fractions;
  }

  /** The first failure, else the first allowed deviation, with its context; null for neither. */
  private Violation violation(TraceSnapshot trace, OrderingTally tally) {
    FirstFinding first =
        tally.firstFailure().present() ? tally.firstFailure() : tally.firstAllowed();
    if (!first.present()) {
      return null;
    }
    return ViolationContext.at(
        trace,
        first.stream(),
        first.index(),
        first.defect().label(),
        first.expected(stallNs),
        first.actual(window));
  }

  private String summary(Status status, OrderingTally tally, Violation violation) {
    StringBuilder s = new StringBuilder(status.label()).append(": ");
    s.append(plural(tally.sent(), "message")).append(" sent on ");
    s.append(plural(tally.streams(), "stream")).append(", ");
    s.append(plural(tally.arrived(), arrivals.label() + " event")).append("; ");
    s.append(tally.ok())
        .append(" arrived once, in order and within ")
        .append(FirstFinding.millis(stallNs));
    if (tally.sent() > 0) {
      s.append(
          String.format(Locale.ROOT, " (%.1f%% of those sent)", 100.0 * tally.ok() / tally.sent()));
    }
    s.append('.');
    StringBuilder found = new StringBuilder();
    for (OrderingDefect defect : COUNTED) {
      long n = tally.count(defect);
      if (n > 0) {
        found
            .append(found.length() == 0 ? " Found: " : ", ")
            .append(n)
            .append(' ')
            .append(defect.countName().replace('_', ' '));
      }
    }
    if (found.length() > 0) {
      s.append(found).append('.');
    }
    if (tally.worstStream() != null) {
      s.append(" Worst wait ")
          .append(FirstFinding.millis(tally.worstWaitNs()))
          .append(" (stream \"")
          .append(tally.worstStream())
          .append("\", sequence ")
          .append(tally.worstSequence())
          .append(").");
    }
    if (violation != null) {
      s.append(status == Status.FAILED ? " First violation: " : " First allowed deviation: ")
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

  /** A share of the messages sent; NaN (JSON null) when none was sent. */
  private static double over(long n, long sent) {
    return sent == 0 ? Double.NaN : (double) n / sent;
  }
}
