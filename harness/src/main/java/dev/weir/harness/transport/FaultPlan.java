package dev.weir.harness.transport;

import java.util.List;

/**
 * Faults declared for a stream, put between its {@link Sender} and the rest of its wire on every
 * subscription. {@code dev.weir.harness.transport.fault.Faults} is the implementation; the
 * interface keeps this package free of it.
 */
public interface FaultPlan {

  /** The wire the sender writes to: {@code wire} with the faults in front of it. */
  Wire around(Wire wire, FaultTarget target);

  /** Processing time the page's consumer spends per message, by sequence: a slow consumer. */
  default List<ConsumerDelay> consumerDelays() {
    return List.of();
  }
}
