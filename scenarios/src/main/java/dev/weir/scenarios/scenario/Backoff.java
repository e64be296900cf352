package dev.weir.scenarios.scenario;

import dev.weir.harness.check.ReconnectPolicy.Jitter;

/**
 * A reconnect backoff, every field filled in: what a frontend is told ({@code frontend.config.reconnect})
 * and what the reconnect checker holds it to. Fields a file leaves out take the reference
 * frontend's defaults ({@code backoff.js}'s {@code DEFAULT_POLICY}), {@link #DEFAULT}.
 *
 * @param baseNs the first retry's ceiling, above zero
 * @param factor how much each ceiling grows, finite and at least 1
 * @param maxNs the largest ceiling, at least {@code baseNs}
 * @param jitter how a delay is drawn under its ceiling
 * @param maxAttempts retries before giving up, 0 or more; {@link #UNLIMITED} for never
 * @param resetAfterNs how long a connection must stay up for the count to start over, 0 or more
 */
public record Backoff(long baseNs, double factor, long maxNs, Jitter jitter, int maxAttempts, long resetAfterNs) {

  /** {@code maxAttempts} of a client that never gives up: backoff.js's {@code Infinity}. */
  public static final int UNLIMITED = Integer.MAX_VALUE;

  /** backoff.js's {@code DEFAULT_POLICY}: 50 ms, ×2, at most 1 s, full jitter, 10 attempts, reset after 1 s. */
  public static final Backoff DEFAULT = new Backoff(50_000_000L, 2, 1_000_000_000L, Jitter.FULL, 10, 1_000_000_000L);
}
