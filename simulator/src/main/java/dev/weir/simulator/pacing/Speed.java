package dev.weir.simulator.pacing;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * How fast virtual time runs against the wall clock: {@code "1x"} real time, {@code "20x"} or
 * {@code "0.5x"} scaled, {@code "max"} as fast as possible.
 *
 * <p>A finite speed is kept as an exact fraction {@code num / den}, so release offsets are exact
 * integers: at 20x, one virtual second is released after exactly 50 ms.
 */
public final class Speed {

  /** Virtual time runs at wall-clock speed. */
  public static final Speed REAL_TIME = new Speed(1, 1);
  /** No waiting at all. */
  public static final Speed MAX = new Speed(0, 1);

  private final long num;
  private final long den;

  private Speed(long num, long den) {
    this.num = num;
    this.den = den;
  }

  /**
   * Parses {@code "<positive decimal>x"} or {@code "max"}.
   *
   * @throws IllegalArgumentException naming the text and the accepted forms
   */
  public static Speed parse(String text) {
    if (text.equals("max")) {
      return MAX;
    }
    try {
      if (text.endsWith("x")) {
        BigDecimal factor = new BigDecimal(text.substring(0, text.length() - 1)).stripTrailingZeros();
        if (factor.signum() > 0) {
          int scale = Math.max(0, factor.scale());
          BigInteger num = factor.movePointRight(scale).toBigIntegerExact();
          BigInteger den = BigInteger.TEN.pow(scale);
          BigInteger gcd = num.gcd(den);
          return new Speed(num.divide(gcd).longValueExact(), den.divide(gcd).longValueExact());
        }
      }
    } catch (NumberFormatException | ArithmeticException e) {
      // reported below with the accepted forms
    }
    throw new IllegalArgumentException("speed must be a positive factor like \"1x\", \"20x\", \"0.5x\", or \"max\": \""
        + text + "\"");
  }

  /** Whether this is {@link #MAX}: readings are released without waiting. */
  public boolean isMax() {
    return num == 0;
  }

  /** Wall-clock nanoseconds that {@code virtualNs} of virtual time take at this speed, rounded down; 0 at max. */
  public long wallNanos(long virtualNs) {
    if (isMax()) {
      return 0;
    }
    try {
      return Math.multiplyExact(virtualNs, den) / num;
    } catch (ArithmeticException overflow) {
      return BigInteger.valueOf(virtualNs).multiply(BigInteger.valueOf(den)).divide(BigInteger.valueOf(num))
          .longValueExact();
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Speed s && s.num == num && s.den == den;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(num) * 31 + Long.hashCode(den);
  }

  /** The form {@link #parse} accepts, e.g. {@code "20x"}, {@code "0.5x"}, {@code "max"}. */
  @Override
  public String toString() {
    return isMax() ? "max" : new BigDecimal(num).divide(new BigDecimal(den)).toPlainString() + "x";
  }
}
