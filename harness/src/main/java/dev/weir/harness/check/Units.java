package dev.weir.harness.check;

import java.math.BigDecimal;
import java.time.Duration;

/** Durations and counts as the checkers declare and write them. */
final class Units {

  private Units() {}

  /** {@code 350 ms}, {@code 1.25 ms}: exact, in one unit, so reports compare at a glance. */
  static String millis(long ns) {
    return BigDecimal.valueOf(ns, 6).stripTrailingZeros().toPlainString() + " ms";
  }

  /** {@code 1 message}, {@code 3 messages}. */
  static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** A declared bound in nanoseconds; one too long for a long is as good as forever. */
  static long nanos(Duration duration) {
    try {
      return duration.toNanos();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
  }

  /**
   * A verdict summary's start: its status label and, for a verdict that could not judge, why
   * (null otherwise), before what it counted.
   */
  static StringBuilder verdictStart(Status status, String unjudged) {
    StringBuilder s = new StringBuilder(status.label()).append(": ");
    return unjudged == null ? s : s.append(unjudged).append(' ');
  }

  /**
   * {@code a + b}, or {@link Long#MAX_VALUE} past it: an allowance that holds {@link
   * PageTimes#UNKNOWN} (a page time not yet bounded) allows anything rather than wrapping.
   */
  static long plus(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 ? (a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : sum;
  }
}
