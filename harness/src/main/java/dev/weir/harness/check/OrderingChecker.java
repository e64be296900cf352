package dev.weir.harness.check;

import dev.weir.harness.trace.EventKind;
import dev.weir.harness.trace.TraceCursor;
import dev.weir.harness.trace.TraceEvent;
import dev.weir.harness.trace.TraceSnapshot;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Judges, per stream, whether what arrived matches what was sent: nothing out of order, twice,
 * lost, never sent, or late. Messages are matched by sequence, so the order the trace recorded
 * sends and arrivals in does not matter (deliveries are reported late, in batches; one may even be
 * recorded before its send). A message that never arrived is allowed — the verdict is then {@link
 * Status#NON_STRICT} — when a drop event for its sequence is in the trace: the declared drop policy
 * accounts for it.
 *
 * <pre>{@code
 * Checker ordering = new OrderingChecker(EventKind.DELIVERY, Duration.ofSeconds(1));
 * Verdict verdict = ordering.check(trace.snapshot());
 * }</pre>
 *
 * <p>One pass over the trace, plus one to the first violation for its context. Judgments are exact
 * however far apart sequences are; memory follows what is outstanding per stream (sent and not yet
 * arrived, dropped and not arrived, arrived before its send), not the stream's length. Semantics,
 * counts and memory: {@code docs/checkers.md}.
 */
public final class OrderingChecker implements Checker {

  private final EventKind arrivals;
  private final long stallNs;

  /**
   * @param arrivals the kind of event that counts as a message's arrival: {@link
   *     EventKind#DELIVERY} for the transport's view (what reached the page), or the frontend's own
   *     consumption kind
   * @param stallBound the longest a message may take from its send to its arrival; a message that
   *     never arrives has waited until the end of the trace; positive
   */
  public OrderingChecker(EventKind arrivals, Duration stallBound) {
    Objects.requireNonNull(arrivals, "arrivals");
    Objects.requireNonNull(stallBound, "stallBound");
    if (arrivals == EventKind.SEND || arrivals == EventKind.DROP) {
      throw new IllegalArgumentException(
          "arrivals must be the kind of event that records a message reaching its consumer, such"
              + " as delivery; got "
              + arrivals.label()
              + ", which the checker reads as "
              + (arrivals == EventKind.SEND ? "what was sent" : "what a drop policy discarded"));
    }
    if (stallBound.isNegative() || stallBound.isZero()) {
      throw new IllegalArgumentException("the stall bound must be positive, got " + stallBound);
    }
    this.arrivals = arrivals;
    this.stallNs = Units.nanos(stallBound);
  }

  /** {@code ordering/} and the arrival kind: {@code ordering/delivery}. */
  @Override
  public String name() {
    return "ordering/" + arrivals.label();
  }

  @Override
  public Verdict check(TraceSnapshot trace) {
    OrderingTally tally = new OrderingTally();
    PageTimes page = PageTimes.of(trace);
    Map<String, StreamOrder> streams = new LinkedHashMap<>();
    TraceCursor event = trace.cursor();
    long endNs = 0;
    while (event.next()) {
      EventKind kind = event.kind();
      long wallNs = event.wallNs();
      endNs = Math.max(endNs, Math.max(wallNs, event.arrivalNs()));
      long sequence = event.sequence();
      if (sequence == TraceEvent.ABSENT) {
        continue; // a lifecycle event about a whole stream
      }
      if (kind == EventKind.SEND) {
        order(streams, event.stream(), tally, page).sent(sequence, event.index(), wallNs);
      } else if (kind == arrivals) {
        order(streams, event.stream(), tally, page).arrived(sequence, event.index(), wallNs);
      } else if (kind == EventKind.DROP) {
        order(streams, event.stream(), tally, page).dropped(sequence, event.index());
      }
    }
    for (StreamOrder order : streams.values()) {
      order.finish(endNs);
    }
    return new OrderingReport(name(), arrivals, stallNs).verdict(trace, tally);
  }

  private StreamOrder order(
      Map<String, StreamOrder> streams, String stream, OrderingTally tally, PageTimes page) {
    StreamOrder order = streams.get(stream);
    if (order == null) {
      order = new StreamOrder(stream, stallNs, tally, page);
      streams.put(stream, order);
    }
    return order;
  }

  @Override
  public String toString() {
    return name() + "[stall bound " + Units.millis(stallNs) + "]";
  }
}
