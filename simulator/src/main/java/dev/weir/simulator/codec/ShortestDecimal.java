package dev.weir.simulator.codec;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The shortest decimal text that parses back to the same double, identical on every JDK.
 *
 * <p>Why not just {@link Double#toString(double)}: before JDK 19 it sometimes printed more digits
 * than needed (JDK-4511638), so a recording written on JDK 17 would differ from one written on
 * JDK 25. From JDK 19 on it is specified as the shortest, closest decimal and is used directly;
 * on older JDKs the same decimal is computed exactly with {@link BigDecimal}. The text has the
 * format of {@code Double.toString} ({@code 0.1}, {@code 100.0}, {@code 1.0E-5}), which is also a
 * valid JSON number for finite values; NaN and infinities are {@code NaN}, {@code Infinity} and
 * {@code -Infinity}.
 */
public final class ShortestDecimal {

  private static final boolean JDK_TO_STRING_IS_SHORTEST = Runtime.version().feature() >= 19;

  private ShortestDecimal() {}

  /** The shortest round-trip text of {@code value}; {@code Double.parseDouble} gives back the same bits. */
  public static String of(double value) {
    return JDK_TO_STRING_IS_SHORTEST ? Double.toString(value) : exact(value);
  }

  /** The JDK 19+ algorithm's result, computed exactly; package-private so tests can pin it on any JDK. */
  static String exact(double value) {
    if (value == 0 || !Double.isFinite(value)) {
      return Double.toString(value);
    }
    BigDecimal decimal = shortestRoundTrip(value).stripTrailingZeros();
    String digits = decimal.unscaledValue().abs().toString();
    int exponent = digits.length() - 1 - decimal.scale(); // value = d.ddd × 10^exponent
    return (value < 0 ? "-" : "") + format(digits, exponent);
  }

  /** The closest decimal among those with the fewest significant digits that round to {@code value}. */
  private static BigDecimal shortestRoundTrip(double value) {
    BigDecimal exact = new BigDecimal(value);
    // Double.toString never prints fewer digits than needed, so the shortest has at most that many,
    // and since every p-digit decimal is also a (p+1)-digit one, search downwards until none fits.
    // The JDK 19 specification stops at two digits: 4.9E-324 rather than 5.0E-324.
    int digits = Math.max(2, new BigDecimal(Double.toString(value)).stripTrailingZeros().precision());
    BigDecimal best = closestWithDigits(exact, digits, value);
    for (int p = digits - 1; p >= 2; p--) {
      BigDecimal shorter = closestWithDigits(exact, p, value);
      if (shorter == null) {
        break;
      }
      best = shorter;
    }
    return best;
  }

  /** The {@code p}-digit decimal closest to {@code exact} that parses back to {@code value}, or null. */
  private static BigDecimal closestWithDigits(BigDecimal exact, int p, double value) {
    BigDecimal nearest = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
    if (nearest.doubleValue() == value) {
      return nearest;
    }
    // Just below a power of two the gap under value is half the gap above it, so the nearest
    // p-digit decimal may miss while the one on the other side still rounds to value.
    BigDecimal other = exact.round(new MathContext(p,
        nearest.compareTo(exact) < 0 ? RoundingMode.CEILING : RoundingMode.FLOOR));
    return other.doubleValue() == value ? other : null;
  }

  private static String format(String digits, int exponent) {
    StringBuilder s = new StringBuilder(digits.length() + 8);
    if (exponent >= -3 && exponent < 7) {
      if (exponent < 0) {
        s.append("0.").append("0".repeat(-exponent - 1)).append(digits);
      } else if (digits.length() > exponent + 1) {
        s.append(digits, 0, exponent + 1).append('.').append(digits, exponent + 1, digits.length());
      } else {
        s.append(digits).append("0".repeat(exponent + 1 - digits.length())).append(".0");
      }
    } else {
      s.append(digits.charAt(0)).append('.').append(digits.length() > 1 ? digits.substring(1) : "0")
          .append('E').append(exponent);
    }
    return s.toString();
  }
}
