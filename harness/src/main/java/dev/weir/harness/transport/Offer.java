package dev.weir.harness.transport;

import java.time.Duration;

/**
 * How a stream is offered: behind a credit window or not, with declared faults or not, paced by
 * the page or not.
 *
 * @param window the declared credit window, judged by the backpressure checker; null for none
 *     (the only choice for event, command and sse, which have none by nature)
 * @param faults null for none
 * @param pace the harness's own pacing, on any kind: the producer sends only while the page has
 *     taken enough of what is in flight (acknowledged by the JS half as the page's handler
 *     returns), so that a stream sent "as fast as the frontend takes it" never queues in front of
 *     the page; never judged, never drops; null for none
 */
public record Offer(Backpressure window, FaultPlan faults, Pacing pace) {

  /**
   * Limits of the harness's pacing: at most {@code maxMessages} and {@code maxBytes} in flight, and
   * nothing sent while the oldest in flight has waited longer than {@code maxAge}.
   */
  public record Pacing(int maxMessages, long maxBytes, Duration maxAge) {
    public Pacing {
      if (maxMessages < 1 || maxBytes < 1 || maxAge.isNegative() || maxAge.isZero()) {
        throw new IllegalArgumentException("a pace needs at least 1 message, 1 byte and an age"
            + " above zero, got " + maxMessages + " messages, " + maxBytes + " bytes, " + maxAge);
      }
    }

    /** How often the page acknowledges, in messages: a quarter of the limit, at least 1. */
    int ackEvery() {
      return Math.max(1, maxMessages / 4);
    }

    /**
     * How long at most, in ms, a page taking messages waits to acknowledge them: a tenth of the
     * age limit, so that a slow page's acknowledgements keep the oldest in flight young.
     */
    long ackWithinMs() {
      return Math.max(1, maxAge.toMillis() / 10);
    }
  }

  /** No window, no faults: the transport as it is. */
  public static final Offer PLAIN = new Offer(null, null, null);

  /**
   * The pace of a stream sent as fast as the frontend takes it: at most 1,024 messages or 4 MiB in
   * flight, and the oldest of them never more than 100 ms old when another is sent. A page taking
   * 20,000 a second gets about 1,000 in flight (50 ms of them); one taking 100 a second about 10:
   * either way a message waits about 100 ms at most in front of it.
   */
  public static final Pacing AS_TAKEN = new Pacing(1 << 10, 4L << 20, Duration.ofMillis(100));

  public Offer withWindow(Backpressure newWindow) {
    return new Offer(newWindow, faults, pace);
  }

  public Offer withFaults(FaultPlan newFaults) {
    return new Offer(window, newFaults, pace);
  }

  /** This offer paced by the page with {@code limits}, unless a declared window paces it already. */
  public Offer pacedBy(Pacing limits) {
    return window != null ? this : new Offer(window, faults, limits);
  }
}
