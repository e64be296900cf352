package dev.weir.harness.transport.net;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether the server is up, and if not, under which outage. Each {@code down} is a distinct period,
 * so a timed outage ending cannot end a later one.
 */
final class Availability {

  /** One call to {@code down}: identity matters, not the outage's value. */
  static final class Period {
    final Outage outage;

    Period(Outage outage) {
      this.outage = outage;
    }
  }

  private final AtomicReference<Period> current = new AtomicReference<>();

  Period down(Outage outage) {
    Period period = new Period(outage);
    current.set(period);
    return period;
  }

  void up() {
    current.set(null);
  }

  /** Ends {@code period} unless another has begun since. */
  void end(Period period) {
    current.compareAndSet(period, null);
  }

  /** The outage in force, or null when the server is up. */
  Outage outage() {
    Period period = current.get();
    return period == null ? null : period.outage;
  }
}
