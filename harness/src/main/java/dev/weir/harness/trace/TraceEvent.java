package dev.weir.harness.trace;

/**
 * One event as a value, for checkers that want to keep events or print them; {@link TraceCursor}
 * reads the same fields without creating one per event.
 *
 * @param index position in append order, from 0
 * @param kind what happened
 * @param stream the stream's name
 * @param sequence the message's sequence; {@link #ABSENT} for a lifecycle event without one
 * @param sizeBytes payload size of a send or delivery; {@link #ABSENT} for lifecycle events
 * @param wallNs when it happened, ns since the trace started: for a delivery the page's report, for
 *     every other kind the moment Java recorded it
 * @param virtualNs the simulator's virtual time of a send; {@link #ABSENT} for other kinds
 * @param arrivalNs when Java recorded the event: for a delivery the batch's arrival, for every
 *     other kind equal to {@code wallNs}
 * @param detail the reason, policy or fault kind of a lifecycle event; "" for sends, deliveries and
 *     lifecycle events without one
 */
public record TraceEvent(
    long index,
    EventKind kind,
    String stream,
    long sequence,
    int sizeBytes,
    long wallNs,
    long virtualNs,
    long arrivalNs,
    String detail) {

  /** The value of a field that does not apply to an event (every real value is >= 0). */
  public static final int ABSENT = -1;
}
