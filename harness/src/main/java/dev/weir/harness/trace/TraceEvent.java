package dev.weir.harness.trace;

/**
 * One event as a value, for checkers that want to keep events or print them; {@link TraceCursor}
 * reads the same fields without creating one per event. Which fields each kind has: {@link
 * TraceCursor}; the others hold {@link #ABSENT} or "".
 *
 * @param index position in append order, from 0
 * @param kind what happened
 * @param stream the stream's name (for a buffer or buffer item, the buffer's)
 * @param sequence the message's sequence: of a send, delivery, consume or buffer item, or the
 *     message a lifecycle event concerns; {@link #ABSENT} for a lifecycle event without one and for
 *     buffers, reconnects, gauges, clock bounds and lags
 * @param sizeBytes payload size of a send or delivery; {@link #ABSENT} for other kinds
 * @param wallNs when it happened, ns since the trace started: for a delivery, consume, buffer,
 *     buffer item, reconnect or lag the page's time (as reported, converted), for a connect attempt
 *     whose request said when the page began it, or a frontend's close, that time, for every other
 *     kind the moment Java recorded it
 * @param virtualNs the simulator's virtual time of a send; {@link #ABSENT} for other kinds
 * @param arrivalNs when Java recorded the event: for a delivery or consume the report's arrival,
 *     for a connect attempt the request's; for a send, gauge or other lifecycle event equal to
 *     {@code wallNs}; {@link #ABSENT} for buffers, buffer items, reconnects and lags, whose Java
 *     time is not kept
 * @param detail the reason, policy or fault kind of a lifecycle event, the decision of a reconnect,
 *     the metric of a gauge; "" for other kinds and lifecycle events without one
 * @param pushed items ever pushed into a buffer; {@link #ABSENT} for other kinds
 * @param evictions items a buffer evicted so far; {@link #ABSENT} for other kinds
 * @param held items a buffer held (the buffer items that follow it); {@link #ABSENT} for other
 *     kinds
 * @param position a buffer item's position, 0 the oldest; {@link #ABSENT} for other kinds
 * @param attempt the attempt a reconnect decision concerns; {@link #ABSENT} for other kinds
 * @param delayMicros a reconnect's delay before retrying, µs (0 when not a retry); {@link #ABSENT}
 *     for other kinds
 * @param value a gauge's value, any long; a clock event's bound and a lag event's lateness, ns;
 *     {@link #ABSENT} for other kinds (check the kind before reading -1 as absent)
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
    String detail,
    long pushed,
    long evictions,
    int held,
    int position,
    long attempt,
    long delayMicros,
    long value) {

  /**
   * The value of a field that does not apply to an event (every real value is >= 0, but for a
   * gauge's value).
   */
  public static final int ABSENT = -1;

  /** A reconnect's decision, one of {@link Trace#RECONNECT_DECISIONS}; "" for other kinds. */
  public String decision() {
    return kind == EventKind.RECONNECT ? detail : "";
  }

  /** What a gauge measured; "" for other kinds. */
  public String metric() {
    return kind == EventKind.GAUGE ? detail : "";
  }
}
