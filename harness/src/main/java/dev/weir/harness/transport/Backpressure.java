package dev.weir.harness.transport;

/**
 * A credit window: the page acknowledges what it has consumed, and the backend keeps at most
 * {@code maxMessages} messages or {@code maxBytes} payload bytes in flight. What happens to a
 * message that does not fit is the policy's call; every drop is counted.
 */
public record Backpressure(int maxMessages, long maxBytes, Policy policy) {

  /** What {@link Sender#send} does when the window is full. */
  public enum Policy {
    /** Wait until the page acknowledges (or unsubscribes): nothing is lost. */
    BLOCK,
    /** Keep up to a window's worth of messages waiting, dropping the oldest waiting one. */
    DROP_OLDEST,
    /** Drop the message being sent. */
    DROP_NEWEST,
    /** Keep only the newest waiting message: a consumer that wants the latest state. */
    LATEST_ONLY
  }

  public Backpressure {
    if (maxMessages < 1 || maxBytes < 1) {
      throw new IllegalArgumentException(
          "A window must allow at least 1 message and 1 byte, got " + maxMessages + " messages and "
              + maxBytes + " bytes");
    }
    if (policy == null) {
      throw new IllegalArgumentException("A window needs a policy: block, drop-oldest, drop-newest or latest-only");
    }
  }

  /** How many deliveries the page acknowledges at once: a quarter of the window, at least 1. */
  int ackEvery() {
    return Math.max(1, maxMessages / 4);
  }
}
