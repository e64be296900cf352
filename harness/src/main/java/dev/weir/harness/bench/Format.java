package dev.weir.harness.bench;

import java.util.Locale;

/** Figures as people read them: thousands grouped, about three significant digits. */
final class Format {

  private Format() {}

  static String number(double value) {
    double magnitude = Math.abs(value);
    String pattern = magnitude >= 100 || value == Math.rint(value) ? "%,.0f" : magnitude >= 10 ? "%,.1f" : "%,.2f";
    return String.format(Locale.ROOT, pattern, value);
  }
}
