package dev.weir.harness.conformance;

import dev.weir.harness.browser.Payload;
import dev.weir.harness.transport.ConsumerDelay;
import dev.weir.harness.transport.FaultPlan;
import dev.weir.harness.transport.FaultTarget;
import dev.weir.harness.transport.Offer;
import dev.weir.harness.transport.Wire;
import java.util.List;

/**
 * A deliberately broken Java transport half: it never tells the producer that the page closed the
 * stream, so the producer goes on sending into a dead subscription. The cleanup checker must catch
 * it. Keeps the offer's own faults in front of it.
 */
final class KeepsProducingAfterClose implements FaultPlan {

  private final FaultPlan faults;

  private KeepsProducingAfterClose(FaultPlan faults) {
    this.faults = faults;
  }

  /** {@code offer} with this broken half put between its sender and the rest of its wire. */
  static Offer around(Offer offer) {
    return offer.withFaults(new KeepsProducingAfterClose(offer.faults()));
  }

  @Override
  public Wire around(Wire wire, FaultTarget target) {
    Wire inner = faults == null ? wire : faults.around(wire, target);
    return new Wire() {
      @Override
      public void prepare(long sequence) {
        if (inner.isOpen()) {
          inner.prepare(sequence);
        }
      }

      @Override
      public void send(long sequence, Payload message) {
        if (inner.isOpen()) {
          inner.send(sequence, message);
        } // else: the bug — swallowed, and the producer is never told
      }

      @Override
      public void close() {
        inner.close();
      }

      @Override
      public boolean isOpen() {
        return true; // the bug
      }
    };
  }

  @Override
  public List<ConsumerDelay> consumerDelays() {
    return faults == null ? List.of() : faults.consumerDelays();
  }
}
