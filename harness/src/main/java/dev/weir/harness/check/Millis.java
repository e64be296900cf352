package dev.weir.harness.check;

import java.math.BigDecimal;

/** Durations in verdicts' sentences. */
final class Millis {

  private Millis() {}

  /** {@code 350 ms}, {@code 1.25 ms}: exact, in one unit, so reports compare at a glance. */
  static String of(long ns) {
    return BigDecimal.valueOf(ns, 6).stripTrailingZeros().toPlainString() + " ms";
  }
}
