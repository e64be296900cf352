package dev.weir.harness.check;

import static dev.weir.harness.check.OrderingDefect.ALLOWED_LOST;
import static dev.weir.harness.check.OrderingDefect.DUPLICATE;
import static dev.weir.harness.check.OrderingDefect.LOST;
import static dev.weir.harness.check.OrderingDefect.OUT_OF_ORDER;
import static dev.weir.harness.check.OrderingDefect.PHANTOM;
import static dev.weir.harness.check.OrderingDefect.RESENT;
import static dev.weir.harness.check.OrderingDefect.STALL;
import static dev.weir.harness.check.OrderingTally.ALLOWED;
import static dev.weir.harness.check.OrderingTally.SEQUENCE;
import static dev.weir.harness.check.OrderingTally.UNARRIVED;
import static dev.weir.harness.check.OrderingTally.VALUE;

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

  OrderingReport(String checker, EventKind arrivals, long stallNs) {
    this.checker = checker;
    this.arrivals = arrivals;
    this.stallNs = stallNs;
  }

  Verdict verdict(TraceSnapshot trace, OrderingTally tally) {
    Status status =
        Status.judged(tally.firstFailure().present(), tally.firstAllowed().present(),
            tally.sent() == 0 && tally.arrived() == 0);
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
    counts.put("worst-wait-ns", tally.worstWaitNs());
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
    EarliestFinding<OrderingDefect> first =
        tally.firstFailure().present() ? tally.firstFailure() : tally.firstAllowed();
    return first.present() ? first.violation(trace, expected(first), actual(first)) : null;
  }

  /** What the declared behaviour required, as a sentence. */
  private String expected(EarliestFinding<OrderingDefect> f) {
    long sequence = f.number(SEQUENCE);
    return switch (f.defect()) {
      case RESENT -> "each sequence is sent once, in increasing order";
      case PHANTOM -> "only sequences that were sent arrive";
      case DUPLICATE -> "sequence " + sequence + " arrives once";
      case OUT_OF_ORDER -> "sequences arrive in the order they were sent";
      case LOST, ALLOWED_LOST ->
          "sequence " + sequence + " arrives, or a drop event accounts for it";
      case STALL ->
          "sequence " + sequence + " arrives within " + Units.millis(stallNs) + " of its send";
    };
  }

  /** What the trace shows instead, as a sentence. */
  private static String actual(EarliestFinding<OrderingDefect> f) {
    String s = "sequence " + f.number(SEQUENCE);
    long value = f.number(VALUE);
    return switch (f.defect()) {
      case RESENT -> s + " was sent a second time";
      case PHANTOM -> s + " arrived but was never sent";
      case DUPLICATE -> s + " arrived again";
      case OUT_OF_ORDER -> s + " arrived after sequence " + value;
      case LOST -> s + " never arrived, and no drop was recorded for it";
      case STALL ->
          (f.number(UNARRIVED) != 0
              ? s + " had still not arrived " + Units.millis(value) + " after its send"
              : s + " arrived " + Units.millis(value) + " after its send")
          + (f.number(ALLOWED) == 0 ? "" : ", beyond the bound plus the "
              + Units.millis(f.number(ALLOWED)) + " allowed for the page's times (the page clock's"
              + " bound and the time the page's event loop was held meanwhile)");
      case ALLOWED_LOST -> s + " never arrived; a drop event accounts for it";
    };
  }

  private String summary(Status status, OrderingTally tally, Violation violation) {
    StringBuilder s = Units.verdictStart(status, status == Status.INCONCLUSIVE
        ? "nothing was sent and nothing arrived: there was nothing to judge." : null);
    s.append(Units.plural(tally.sent(), "message")).append(" sent on ");
    s.append(Units.plural(tally.streams(), "stream")).append(", ");
    s.append(Units.plural(tally.arrived(), arrivals.label() + " event")).append("; ");
    s.append(tally.ok())
        .append(" arrived once, in order and within ")
        .append(Units.millis(stallNs));
    if (tally.sent() > 0) {
      s.append(
          String.format(Locale.ROOT, " (%.1f%% of those sent)", 100.0 * tally.ok() / tally.sent()));
    }
    s.append('.');
    if (tally.heldPast() > 0) {
      // Said, not hidden: a pass that rests on the allowance shows how much it rested on it.
      s.append(" ").append(tally.heldPast()).append(" waited past ")
          .append(Units.millis(stallNs))
          .append(" only by the time allowed for the page's times (its clock's bound and the time"
              + " its event loop was held).");
    }
    StringBuilder found = new StringBuilder();
    for (OrderingDefect defect : COUNTED) {
      long n = tally.count(defect);
      if (n > 0) {
        found
            .append(found.length() == 0 ? " Found: " : ", ")
            .append(n)
            .append(' ')
            .append(defect.countName().replace('-', ' '));
      }
    }
    if (found.length() > 0) {
      s.append(found).append('.');
    }
    if (tally.worstStream() != null) {
      s.append(" Worst wait ")
          .append(Units.millis(tally.worstWaitNs()))
          .append(" (stream \"")
          .append(tally.worstStream())
          .append("\", sequence ")
          .append(tally.worstSequence())
          .append(").");
    }
    if (violation != null) {
      s.append(status == Status.FAILED ? " First violation: " : " First allowed deviation: ")
          .append(violation.describe()).append('.');
    }
    return s.toString();
  }


  /** A share of the messages sent; NaN (JSON null) when none was sent. */
  private static double over(long n, long sent) {
    return sent == 0 ? Double.NaN : (double) n / sent;
  }
}
