package dev.weir.simulator.signal;

/**
 * Sine of a phase held as 64-bit fixed-point turns, with the same bits on every JDK.
 *
 * <p>{@link Math#sin} may differ between JVMs and CPUs in the last bit, which would break
 * byte-identical streams. Here the phase is rounded to the nearest of 1024 table angles (computed
 * once with {@link StrictMath}) and the remainder {@code d}, at most π/1024 rad, is applied with
 * the angle-addition formula and Taylor polynomials of {@code sin d} (to d⁵) and {@code cos d} (to
 * d⁴) that use only {@code +} and {@code *}. The truncation error is below 2e-18, so results are
 * within a few ulps of the true sine.
 */
final class SineTable {

  private static final int BITS = 10;
  private static final int SIZE = 1 << BITS;
  private static final int SHIFT = 64 - BITS;
  private static final double RADIANS_PER_UNIT = 2 * Math.PI * 0x1.0p-64;
  /** {@code sin} and {@code cos} of table angle {@code k} at {@code [2k]} and {@code [2k + 1]}: one cache line. */
  private static final double[] SIN_COS = new double[2 * SIZE];

  static {
    for (int k = 0; k < SIZE; k++) {
      double angle = 2 * Math.PI * k / SIZE;
      SIN_COS[2 * k] = StrictMath.sin(angle);
      SIN_COS[2 * k + 1] = StrictMath.cos(angle);
    }
  }

  private SineTable() {}

  /** {@code sin(2π · phase / 2⁶⁴)}, reading {@code phase} as unsigned. */
  static double sin(long phase) {
    int k = (int) ((phase + (1L << (SHIFT - 1))) >>> SHIFT); // nearest table angle, wrapping 1024 to 0
    long rest = phase - ((long) k << SHIFT); // signed, |rest| <= 2^53: exact as a double
    double d = rest * RADIANS_PER_UNIT;
    double d2 = d * d;
    double sinD = d + d * d2 * (-1.0 / 6 + d2 * (1.0 / 120));
    double cosD = 1 + d2 * (-0.5 + d2 * (1.0 / 24));
    return SIN_COS[2 * k] * cosD + SIN_COS[2 * k + 1] * sinD;
  }
}
