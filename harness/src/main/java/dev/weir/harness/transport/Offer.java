package dev.weir.harness.transport;

/**
 * How a stream is offered: behind a credit window or not, with declared faults or not, paced by
 * the page or not.
 *
 * @param window the declared credit window, judged by the backpressure checker; null for none
 *     (the only choice for event, command and sse, which have none by nature)
 * @param faults null for none
 * @param pace the harness's own pacing, on any kind: the producer keeps at most this window in
 *     flight, acknowledged by the JS half as the page's handler returns, so that a stream sent "as
 *     fast as the frontend takes it" never queues beyond what the page can take; never judged,
 *     never drops; null for none
 */
public record Offer(Backpressure window, FaultPlan faults, Backpressure pace) {

  /** No window, no faults: the transport as it is. */
  public static final Offer PLAIN = new Offer(null, null, null);

  /**
   * The pace of a stream sent as fast as the frontend takes it: at most 1,024 messages or 4 MiB in
   * flight (a busy page taking 5,000 a second holds one 200 ms), acknowledged every 256.
   */
  public static final Backpressure AS_TAKEN =
      new Backpressure(1 << 10, 4L << 20, Backpressure.Policy.BLOCK);

  public Offer {
    if (pace != null && pace.policy() != Backpressure.Policy.BLOCK) {
      throw new IllegalArgumentException("a pace blocks, it never drops; got " + pace.policy());
    }
  }

  public Offer withWindow(Backpressure newWindow) {
    return new Offer(newWindow, faults, pace);
  }

  public Offer withFaults(FaultPlan newFaults) {
    return new Offer(window, newFaults, pace);
  }

  /**
   * This offer paced by the page with {@code newPace}, unless a declared window paces it already.
   */
  public Offer pacedBy(Backpressure newPace) {
    return window != null ? this : new Offer(window, faults, newPace);
  }
}
