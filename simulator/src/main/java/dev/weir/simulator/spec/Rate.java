package dev.weir.simulator.spec;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A sample rate as an exact fraction of hertz, {@code num / den}.
 *
 * <p>Rates like 3 Hz or 0.1 Hz have periods that are not whole nanoseconds; keeping the
 * rate exact and flooring {@code i * 1e9 * den / num} gives every sample a timestamp that
 * does not drift with the index and needs no floating point.
 *
 * @param num numerator, positive
 * @param den denominator, positive, coprime with {@code num}
 */
public record Rate(long num, long den) {

  private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000L);

  public Rate {
    if (num <= 0 || den <= 0) {
      throw new IllegalArgumentException("rate must be positive: " + num + "/" + den);
    }
    long g = BigInteger.valueOf(num).gcd(BigInteger.valueOf(den)).longValueExact();
    num /= g;
    den /= g;
  }

  /** Parses a decimal number of hertz ("1000", "0.1", "2.5e3") exactly. */
  public static Rate ofHertz(BigDecimal hz) {
    if (hz.signum() <= 0) {
      throw new IllegalArgumentException("rate must be positive: " + hz.toPlainString());
    }
    BigDecimal stripped = hz.stripTrailingZeros();
    int scale = Math.max(0, stripped.scale());
    BigInteger den = BigInteger.TEN.pow(scale);
    BigInteger num = stripped.movePointRight(scale).toBigIntegerExact();
    return new Rate(num.longValueExact(), den.longValueExact());
  }

  /** The rate in hertz as a double, for display and for phase arithmetic. */
  public double hertz() {
    return (double) num / den;
  }

  /** Virtual time of sample {@code index}: {@code floor(index * 1e9 * den / num)} ns. */
  public long timeOf(long index) {
    long q = Math.multiplyExact(1_000_000_000L, den);
    long whole = index / num;
    long rest = index % num;
    try {
      return Math.addExact(Math.multiplyExact(whole, q), Math.multiplyExact(rest, q) / num);
    } catch (ArithmeticException overflow) {
      return BigInteger.valueOf(index).multiply(NANOS_PER_SECOND).multiply(BigInteger.valueOf(den))
          .divide(BigInteger.valueOf(num)).longValueExact();
    }
  }

  /** Number of samples whose time is strictly before {@code timeNs}, i.e. the first index at or after it. */
  public long countBefore(long timeNs) {
    if (timeNs <= 0) {
      return 0;
    }
    // smallest i with i * 1e9 * den / num >= timeNs  <=>  i >= ceil(timeNs * num / (1e9 * den))
    BigInteger n = BigInteger.valueOf(timeNs).multiply(BigInteger.valueOf(num));
    BigInteger d = NANOS_PER_SECOND.multiply(BigInteger.valueOf(den));
    BigInteger[] qr = n.divideAndRemainder(d);
    BigInteger ceil = qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
    return ceil.longValueExact();
  }

  @Override
  public String toString() {
    return den == 1 ? num + " Hz" : BigDecimal.valueOf(num).divide(BigDecimal.valueOf(den)).toPlainString() + " Hz";
  }
}
