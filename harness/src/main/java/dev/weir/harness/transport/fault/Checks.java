package dev.weir.harness.transport.fault;

/** Argument checks shared by the fault declarations. */
final class Checks {

  private Checks() {}

  static void range(long from, long until) {
    if (from < 0 || until <= from) {
      throw new IllegalArgumentException(
          "A fault applies to message indexes [from, until) with 0 <= from < until, got [" + from
              + ", " + until + ")");
    }
  }

  static void probability(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("A probability lies in [0, 1], got " + p);
    }
  }
}
