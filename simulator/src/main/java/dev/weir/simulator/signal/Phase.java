package dev.weir.simulator.signal;

import dev.weir.simulator.spec.Rate;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * The phase of a periodic signal as exact 64-bit fixed-point turns: {@code phase(i) = start + i ·
 * step mod 2⁶⁴}, one turn being 2⁶⁴.
 *
 * <p>Integer phase never accumulates rounding error, so sample 10⁹ is as accurate as sample 1,
 * and seeking costs one multiply. {@code step} is {@code frequency / rate} turns, rounded once.
 */
record Phase(long start, long step) {

  private static final BigDecimal TURN = new BigDecimal(BigInteger.ONE.shiftLeft(64));
  private static final BigDecimal DEGREES_PER_TURN = BigDecimal.valueOf(360);

  static Phase of(double frequencyHz, double phaseDeg, Rate rate) {
    BigDecimal step = new BigDecimal(frequencyHz).multiply(BigDecimal.valueOf(rate.den())).multiply(TURN)
        .divide(BigDecimal.valueOf(rate.num()), 0, RoundingMode.HALF_EVEN);
    BigDecimal start = new BigDecimal(phaseDeg).multiply(TURN).divide(DEGREES_PER_TURN, 0, RoundingMode.HALF_EVEN);
    // longValue() keeps the low 64 bits: exactly "mod 2^64", for negative values too.
    return new Phase(start.toBigInteger().longValue(), step.toBigInteger().longValue());
  }

  long at(long index) {
    return start + index * step;
  }

  /** The fraction of the turn completed, in [0, 1). */
  static double fraction(long phase) {
    return (phase >>> 11) * 0x1.0p-53;
  }
}
