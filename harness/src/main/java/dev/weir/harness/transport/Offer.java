package dev.weir.harness.transport;

/**
 * How a stream is offered: behind a credit window or not, with declared faults or not.
 *
 * @param window null for none (the only choice for event and command, which have none by nature)
 * @param faults null for none
 */
public record Offer(Backpressure window, FaultPlan faults) {

  /** No window, no faults: the transport as it is. */
  public static final Offer PLAIN = new Offer(null, null);

  public Offer withWindow(Backpressure newWindow) {
    return new Offer(newWindow, faults);
  }

  public Offer withFaults(FaultPlan newFaults) {
    return new Offer(window, newFaults);
  }
}
