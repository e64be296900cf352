package dev.weir.harness.transport;

import java.time.Duration;

/**
 * A slow consumer: the page's JS half spends {@code perMessage} of busy time on each message whose
 * sequence is in {@code [from, until)} before handing it on, as a frontend with expensive handling
 * would, so that the page, not the backend, is what falls behind.
 */
public record ConsumerDelay(long from, long until, Duration perMessage) {

  public ConsumerDelay {
    if (from < 0 || until <= from) {
      throw new IllegalArgumentException(
          "A slow consumer applies to sequences [from, until) with 0 <= from < until, got [" + from
              + ", " + until + ")");
    }
    if (perMessage.isNegative() || perMessage.isZero()) {
      throw new IllegalArgumentException("A slow consumer's time per message must be positive: " + perMessage);
    }
  }
}
