package dev.weir.simulator.codec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The shortest decimal text that parses back to the same double, identical on every JDK.
 *
 * <p>Why not just {@link Double#toString(double)}: before JDK 19 it sometimes printed more digits
 * than needed (JDK-4511638), so a recording written on JDK 17 would differ from one written on
 * JDK 25. From JDK 19 on it is specified as the shortest, closest decimal and is used directly.
 * On older JDKs the same decimal is computed with Schubfach (R. Giulietti, "The Schubfach way to
 * render doubles", 2020), written from the paper: a handful of 64-bit multiplications per value
 * rather than a search over {@link BigDecimal} roundings, so JSON and CSV recordings are not
 * several times slower on JDK 17. Schubfach finds the shortest closest decimal among those that
 * round to the double, which is exactly the JDK 19 specification except for one clause: when a
 * single digit suffices, the specification still picks the closest of one <em>or two</em>
 * digits ({@code 4.9E-324}, not {@code 5E-324}). That clause can only change the result when
 * the rounding interval spans at least a hundredth of the value, which happens only for the
 * smallest subnormals ({@link #TINY}); those go through {@link #exact}, a direct transcription
 * of the specification.
 *
 * <p>The text has the format of {@code Double.toString} ({@code 0.1}, {@code 100.0},
 * {@code 1.0E-5}), which is also a valid JSON number for finite values; NaN and infinities are
 * {@code NaN}, {@code Infinity} and {@code -Infinity}.
 */
public final class ShortestDecimal {

  private static final boolean JDK_TO_STRING_IS_SHORTEST = Runtime.version().feature() >= 19;

  /**
   * Subnormal significands below this go to {@link #exact}. If a one-digit decimal D = d×10^j
   * and a different two-digit decimal both round to a subnormal, they are at least 10^(j-2)
   * apart and at most 2^-1074 (the rounding interval's width) apart, so j ≤ -322, D < 1e-321
   * and the significand is below 1e-321 / 2^-1074 ≈ 202.4 (normal doubles, whose significands
   * are at least 2^52, are far from it). Above that Schubfach's one-digit answer is also the
   * specification's.
   */
  static final long TINY = 203;

  private static final int SIGNIFICAND_BITS = 52;
  private static final long FRACTION_MASK = (1L << SIGNIFICAND_BITS) - 1;
  private static final int EXPONENT_BIAS_AND_SHIFT = 1075; // value = c × 2^(biased - 1075)
  private static final int MIN_EXPONENT = -1074;
  private static final long MASK_63 = Long.MAX_VALUE;

  private ShortestDecimal() {}

  /** The shortest round-trip text of {@code value}; {@code Double.parseDouble} gives back the same bits. */
  public static String of(double value) {
    return JDK_TO_STRING_IS_SHORTEST ? Double.toString(value) : schubfach(value);
  }

  /** The JDK 19+ result computed with Schubfach; package-private so tests can pin it on any JDK. */
  static String schubfach(double value) {
    long bits = Double.doubleToRawLongBits(value);
    int biased = (int) (bits >>> SIGNIFICAND_BITS) & 0x7ff;
    long fraction = bits & FRACTION_MASK;
    if (biased == 0x7ff || biased == 0 && fraction < TINY) { // NaN, infinities, zeros, tiny subnormals
      return exact(value);
    }
    long c = biased == 0 ? fraction : fraction | 1L << SIGNIFICAND_BITS;
    int q = biased == 0 ? MIN_EXPONENT : biased - EXPONENT_BIAS_AND_SHIFT;
    // Below a power of two (other than the smallest normal) the gap to the predecessor is half
    // the gap to the successor, so the rounding interval is asymmetric.
    boolean irregular = fraction == 0 && biased > 1;

    // The rounding interval is [c - 1/2, c + 1/2] × 2^q (lower end c - 1/4 when irregular), closed
    // when c is even (ties round to even). Scaled by 4 to keep the ends integral: cbl, cb, cbr.
    long cb = c << 2;
    long cbl = irregular ? cb - 1 : cb - 2;
    long cbr = cb + 2;
    int out = (int) c & 1; // 1 when the interval is open
    // 10^k is at most the interval's width, and more than a tenth of it.
    int k = irregular ? floorLog10ThreeQuartersPow2(q) : floorLog10Pow2(q);
    // vb, vbl, vbr are 4 × value / 10^k and the ends likewise, rounded to odd (see rop).
    int h = q + floorLog2Pow10(-k) + 2;
    long g1 = Pow10Table.G1[Pow10Table.MAX_K - k];
    long g0 = Pow10Table.G0[Pow10Table.MAX_K - k];
    long vb = rop(g1, g0, cb << h);
    long vbl = rop(g1, g0, cbl << h);
    long vbr = rop(g1, g0, cbr << h);

    long s = vb >> 2; // floor(value / 10^k): 10^k s ≤ value < 10^k (s + 1)
    // The interval is narrower than 10^(k+1), so it holds at most one multiple of 10^(k+1); if one
    // of the two around the value is inside, it is the unique shortest decimal.
    long sp10 = s / 10 * 10;
    long tp10 = sp10 + 10;
    boolean upin = vbl + out <= sp10 << 2;
    boolean wpin = (tp10 << 2) + out <= vbr;
    if (upin != wpin) {
      return format(value < 0, upin ? sp10 : tp10, k);
    }
    // Otherwise the shortest have k as exponent, and the closest of them is s or s + 1.
    long t = s + 1;
    boolean uin = vbl + out <= s << 2;
    boolean win = (t << 2) + out <= vbr;
    if (uin != win) {
      return format(value < 0, uin ? s : t, k);
    }
    long cmp = vb - (s + t << 1); // sign of value - 10^k (s + 1/2), exact because vb is odd when inexact
    return format(value < 0, cmp < 0 || cmp == 0 && (s & 1) == 0 ? s : t, k);
  }

  /**
   * Round to odd of g × cp / 2^127, with g = g1 × 2^63 + g0 (g1, g0, cp below 2^63): the floor,
   * with its lowest bit set when the quotient is not an integer. Rounding to odd keeps exactness
   * visible, so comparisons of the result with even integers are the exact comparisons. The paper
   * proves that truncating g0 × cp to its high half and g to 126 bits never changes the result.
   */
  private static long rop(long g1, long g0, long cp) {
    long x1 = Math.multiplyHigh(g0, cp); // g0 × cp / 2^64
    long y0 = g1 * cp; // g1 × cp = y1 × 2^64 + y0
    long y1 = Math.multiplyHigh(g1, cp);
    long z = (y0 >>> 1) + x1; // fraction of the quotient, × 2^63; fits in 64 bits unsigned
    long floor = y1 + (z >>> 63);
    return floor | ((z & MASK_63) != 0 ? 1 : 0);
  }

  /** floor(q log10 2), for |q| ≤ 2^16 (checked against BigInteger by the tests). */
  static int floorLog10Pow2(int q) {
    return (int) (q * 661_971_961_083L >> 41);
  }

  /** floor(log10(3/4 × 2^q)), for |q| ≤ 2^16. */
  static int floorLog10ThreeQuartersPow2(int q) {
    return (int) (q * 661_971_961_083L - 274_743_187_321L >> 41);
  }

  /** floor(e log2 10), for |e| ≤ 2^12. */
  static int floorLog2Pow10(int e) {
    return (int) (e * 913_124_641_741L >> 38);
  }

  /**
   * g = floor(10^-k / 2^r) + 1 in [2^125, 2^126), split into 63-bit halves, for every k that a
   * double needs. Computed once with BigInteger, and only on JDKs that need it.
   */
  static final class Pow10Table {
    static final int MIN_K = floorLog10Pow2(MIN_EXPONENT);
    static final int MAX_K = floorLog10Pow2(Double.MAX_EXPONENT - SIGNIFICAND_BITS);
    static final long[] G1 = new long[MAX_K - MIN_K + 1];
    static final long[] G0 = new long[MAX_K - MIN_K + 1];

    static {
      for (int k = MIN_K; k <= MAX_K; k++) {
        BigInteger g = g(k);
        G1[MAX_K - k] = g.shiftRight(63).longValueExact();
        G0[MAX_K - k] = g.longValue() & MASK_63;
      }
    }

    private Pow10Table() {}

    /** floor(10^-k / 2^r) + 1 with r = floorLog2Pow10(-k) - 125. */
    private static BigInteger g(int k) {
      int r = floorLog2Pow10(-k) - 125;
      BigInteger numerator = BigInteger.TEN.pow(Math.max(-k, 0)).shiftLeft(Math.max(-r, 0));
      BigInteger denominator = BigInteger.TEN.pow(Math.max(k, 0)).shiftLeft(Math.max(r, 0));
      return numerator.divide(denominator).add(BigInteger.ONE);
    }
  }

  /** The JDK 19+ specification of Double.toString, computed exactly with BigDecimal: slow, for tiny values and tests. */
  static String exact(double value) {
    if (value == 0 || !Double.isFinite(value)) {
      return Double.toString(value);
    }
    BigDecimal decimal = shortestRoundTrip(value).stripTrailingZeros();
    return format(value < 0, decimal.unscaledValue().abs().longValueExact(), -decimal.scale());
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

  /** {@code ±digits × 10^exponent} (digits positive, at most 17 digits) in Double.toString format. */
  private static String format(boolean negative, long digits, int exponent) {
    long f = digits;
    int e = exponent;
    if (f % 100_000_000 == 0) { // strip trailing zeros, at most 16 of them
      f /= 100_000_000;
      e += 8;
      if (f % 100_000_000 == 0) {
        f /= 100_000_000;
        e += 8;
      }
    }
    if (f % 10_000 == 0) {
      f /= 10_000;
      e += 4;
    }
    if (f % 100 == 0) {
      f /= 100;
      e += 2;
    }
    if (f % 10 == 0) {
      f /= 10;
      e += 1;
    }
    int n = decimalLength(f);
    int point = n + e; // the decimal point comes after this many digits (negative: leading zeros)
    char[] text = new char[27];
    int at = 0;
    if (negative) {
      text[at++] = '-';
    }
    if (point > -3 && point <= 7) { // 1e-3 ≤ |value| < 1e7: plain notation
      if (point <= 0) {
        text[at++] = '0';
        text[at++] = '.';
        for (int i = point; i < 0; i++) {
          text[at++] = '0';
        }
        at = writeDigits(text, at, f, n);
      } else if (point < n) {
        writeDigits(text, at + 1, f, n);
        System.arraycopy(text, at + 1, text, at, point);
        text[at + point] = '.';
        at += n + 1;
      } else {
        at = writeDigits(text, at, f, n);
        for (int i = n; i < point; i++) {
          text[at++] = '0';
        }
        text[at++] = '.';
        text[at++] = '0';
      }
    } else { // computerized scientific notation d.dddE±x
      writeDigits(text, at + 1, f, n);
      text[at] = text[at + 1];
      text[at + 1] = '.';
      at += n + 1;
      if (n == 1) {
        text[at++] = '0';
      }
      text[at++] = 'E';
      int x = point - 1;
      if (x < 0) {
        text[at++] = '-';
        x = -x;
      }
      at = writeDigits(text, at, x, decimalLength(x));
    }
    return new String(text, 0, at);
  }

  /** Writes the {@code n} decimal digits of {@code f} at {@code at}; returns the index after them. */
  private static int writeDigits(char[] text, int at, long f, int n) {
    long rest = f;
    for (int i = at + n - 1; i >= at; i--) {
      text[i] = (char) ('0' + rest % 10);
      rest /= 10;
    }
    return at + n;
  }

  private static int decimalLength(long f) {
    int n = 1;
    for (long bound = 10; n < 19 && f >= bound; bound *= 10) {
      n++;
    }
    return n;
  }
}
