package dev.weir.harness.transport.fault;

import java.time.Duration;

/**
 * One declared fault on a stream, applied to the messages whose send index is in {@code [from,
 * until)}. Indexes, not wall time, so the decisions do not depend on how fast the machine is.
 */
public sealed interface TransportFault {

  long from();

  long until();

  /** Drops each message with the given probability. */
  record Drop(long from, long until, double probability) implements TransportFault {
    public Drop {
      Checks.range(from, until);
      Checks.probability(probability);
    }
  }

  /** Sends each message twice with the given probability. */
  record Duplicate(long from, long until, double probability) implements TransportFault {
    public Duplicate {
      Checks.range(from, until);
      Checks.probability(probability);
    }
  }

  /** Holds messages in groups of {@code window} and releases each group in a seeded order. */
  record Reorder(long from, long until, int window) implements TransportFault {
    public Reorder {
      Checks.range(from, until);
      if (window < 2) {
        throw new IllegalArgumentException("A reorder window must hold at least 2 messages, got " + window);
      }
    }
  }

  /** Delays each message by {@code fixed} plus a seeded uniform share of {@code jitter}. */
  record Delay(long from, long until, Duration fixed, Duration jitter) implements TransportFault {
    public Delay {
      Checks.range(from, until);
      if (fixed.isNegative() || jitter.isNegative()) {
        throw new IllegalArgumentException("A delay cannot be negative: " + fixed + " + " + jitter);
      }
    }
  }

  /** The producer stops for {@code duration} before sending message {@code from}. */
  record Stall(long from, Duration duration) implements TransportFault {
    public Stall {
      Checks.range(from, from + 1);
      if (duration.isNegative()) {
        throw new IllegalArgumentException("A stall cannot be negative: " + duration);
      }
    }

    @Override
    public long until() {
      return from + 1;
    }
  }
}
