package dev.weir.harness.check;

import java.time.Duration;
import java.util.Objects;

/**
 * How far an attempt's observed delay may stray from its policy envelope. The delay runs from the
 * refusal (or the lost connection's close) at the server to when the page began its next attempt
 * (the server's receipt where the request does not say), so besides the page's own wait it holds
 * the refusal's trip to the page and the page's timer lateness (coarse timers and a busy event loop
 * on a loaded 2-core machine). Both only lengthen a delay, hence a small {@code early} and a larger
 * {@code late}; and timer lateness grows with long waits under load, hence a {@code lateRatio} of
 * the envelope's top.
 *
 * @param early how far before the envelope's low an attempt may come (the page's clock reading
 *     and the conversion of its times); zero or more
 * @param late how far after the envelope's high an attempt may come, at least; zero or more
 * @param lateRatio the share of the envelope's high an attempt may come after it, when that is
 *     more than {@code late}; finite, zero or more
 */
public record ReconnectTolerance(Duration early, Duration late, double lateRatio) {

  /**
   * 2 ms early; late by 40 ms or a quarter of the envelope's top, whichever is more: over twice
   * the worst lateness measured on the 2-core machine under load (16 ms; docs/checkers.md).
   * Together with the ratio, it still separates a capped backoff from an uncapped one with factor
   * 1.25 or more, and attempt k from attempt k+1 with factor 2 and no jitter.
   */
  public static final ReconnectTolerance DEFAULT =
      new ReconnectTolerance(Duration.ofMillis(2), Duration.ofMillis(40), 0.25);

  public ReconnectTolerance {
    Objects.requireNonNull(early, "early");
    Objects.requireNonNull(late, "late");
    if (early.isNegative()) {
      throw new IllegalArgumentException("the early tolerance must be zero or more, got " + early);
    }
    if (late.isNegative()) {
      throw new IllegalArgumentException("the late tolerance must be zero or more, got " + late);
    }
    if (!(lateRatio >= 0) || Double.isInfinite(lateRatio)) {
      throw new IllegalArgumentException(
          "the late ratio must be a finite number >= 0 (a share of the envelope's top), got "
              + lateRatio);
    }
    if (early.compareTo(Duration.ofDays(1)) > 0 || late.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException(
          "tolerances must be at most a day, got early " + early + " and late " + late);
    }
  }

  public long earlyNs() {
    return early.toNanos();
  }

  public long lateNs() {
    return late.toNanos();
  }

  /** How far after an envelope whose top is {@code highNs} an attempt may come. */
  public long lateAllowanceNs(long highNs) {
    return Math.max(lateNs(), (long) (lateRatio * highNs));
  }
}
