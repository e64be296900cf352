package dev.weir.harness.transport.fault;

/** Where applied faults are reported, one call per effect, in the order they happen. */
@FunctionalInterface
public interface FaultLog {

  /** What a fault did to one message. */
  enum Effect {
    DROPPED,
    DUPLICATED,
    /** Released out of order: {@code detail} is its position within its group. */
    REORDERED,
    /** Held back: {@code detail} is the delay in microseconds. */
    DELAYED,
    /** The producer stopped before it: {@code detail} is the stall in milliseconds. */
    STALLED,
    /** The server went down before it: {@code detail} is the outage in milliseconds. */
    DISCONNECTED,
    /** The page was reloaded before it. */
    RELOADED
  }

  void applied(Effect effect, long index, long detail);
}
