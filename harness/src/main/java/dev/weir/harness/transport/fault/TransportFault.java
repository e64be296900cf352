package dev.weir.harness.transport.fault;

import dev.weir.harness.transport.ConsumerDelay;
import java.time.Duration;

/**
 * One declared fault on a stream, applied to the messages whose sequence is in {@code [from,
 * until)}. Sequences, not wall time, so the decisions do not depend on how fast the machine is.
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

  /** The server closes its connections and refuses new ones for {@code length}, before message {@code at}. */
  record Disconnect(long at, Duration length) implements TransportFault {
    public Disconnect {
      Checks.range(at, at + 1);
      if (length.isNegative() || length.isZero()) {
        throw new IllegalArgumentException("A disconnect must last a positive time: " + length);
      }
    }

    @Override
    public long from() {
      return at;
    }

    @Override
    public long until() {
      return at + 1;
    }
  }

  /** The page reloads before message {@code at}: its subscriptions end with the old document. */
  record Reload(long at) implements TransportFault {
    public Reload {
      Checks.range(at, at + 1);
    }

    @Override
    public long from() {
      return at;
    }

    @Override
    public long until() {
      return at + 1;
    }
  }

  /** The page spends {@code perMessage} of busy time on each message: see {@link ConsumerDelay}. */
  record SlowConsumer(long from, long until, Duration perMessage) implements TransportFault {
    public SlowConsumer {
      new ConsumerDelay(from, until, perMessage); // checks the declaration
    }

    ConsumerDelay asDelay() {
      return new ConsumerDelay(from, until, perMessage);
    }
  }
}
