package dev.weir.simulator.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShortestDecimalTest {

  private static final boolean JDK_TO_STRING_IS_SPECIFIED = Runtime.version().feature() >= 19;

  /** Expected texts are what JDK 19+ Double.toString prints; every path must match them on every JDK. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "0.1|0.1", "100.0|100.0", "1.0E7|1.0E7", "9999999.0|9999999.0", "0.001|0.001", "1.0E-4|1.0E-4",
      "-0.0|-0.0", "0.0|0.0", "123.456|123.456", "-123.456|-123.456", "1234567.0|1234567.0",
      "0.0012345|0.0012345", "-1.0E-5|-1.0E-5", "1.2345E-300|1.2345E-300",
      "4.9E-324|4.9E-324", "1.7976931348623157E308|1.7976931348623157E308",
      "2.2250738585072014E-308|2.2250738585072014E-308", "2.225073858507201E-308|2.225073858507201E-308",
      "2.82879384806159E17|2.82879384806159E17", "1.0E23|1.0E23", "2.0E-3|0.002", "9.9E-323|9.9E-323",
      "5.0E-324|4.9E-324", "1.0E22|1.0E22", "8.41E21|8.41E21", "9007199254740993|9.007199254740992E15",
      "NaN|NaN", "Infinity|Infinity", "-Infinity|-Infinity"})
  void everyPathPrintsTheShortestClosestDecimalInDoubleToStringFormat(String in, String expected) {
    double value = Double.parseDouble(in);
    assertEquals(expected, ShortestDecimal.exact(value));
    assertEquals(expected, ShortestDecimal.schubfach(value));
    assertEquals(expected, ShortestDecimal.of(value));
  }

  /**
   * The reference is JDK 19+ Double.toString where the JDK has it, else the exact transcription of its
   * specification; on JDK 19+ that transcription is checked against the JDK too.
   */
  @Test
  void schubfachAndExactAgreeWithTheSpecifiedDoubleToStringOnRandomAndHardValues() {
    double[] values = values();
    assertTrue(values.length > 250_000, "values " + values.length);
    for (double value : values) {
      String exact = ShortestDecimal.exact(value);
      String reference = JDK_TO_STRING_IS_SPECIFIED ? Double.toString(value) : exact;
      Supplier<String> bits = () -> "bits 0x" + Long.toHexString(Double.doubleToRawLongBits(value));
      assertEquals(reference, exact, bits);
      assertEquals(reference, ShortestDecimal.schubfach(value), bits);
      assertEquals(reference, ShortestDecimal.of(value), bits);
    }
  }

  @Test
  void schubfachRoundTripsRandomBitPatterns() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 200_000; i++) {
      double value = Double.longBitsToDouble(random.nextLong());
      String text = ShortestDecimal.schubfach(value);
      assertEquals(Double.doubleToLongBits(value), Double.doubleToLongBits(Double.parseDouble(text)), text);
    }
  }

  @Test
  void logarithmApproximationsAreExactOverTheExponentsOfDoubles() {
    for (int q = -1100; q <= 1100; q++) {
      BigInteger pow2 = BigInteger.ONE.shiftLeft(Math.abs(q));
      BigInteger numerator = q >= 0 ? pow2 : BigInteger.ONE; // 2^q = numerator / denominator
      BigInteger denominator = q >= 0 ? BigInteger.ONE : pow2;
      assertEquals(floorLog10(numerator, denominator), ShortestDecimal.floorLog10Pow2(q), "q " + q);
      assertEquals(floorLog10(numerator.multiply(BigInteger.valueOf(3)), denominator.shiftLeft(2)),
          ShortestDecimal.floorLog10ThreeQuartersPow2(q), "q " + q);
    }
    for (int e = -400; e <= 400; e++) {
      BigInteger pow10 = BigInteger.TEN.pow(Math.abs(e));
      int expected = e >= 0 ? pow10.bitLength() - 1 : -pow10.bitLength(); // 10^|e| is no power of two for e ≠ 0
      assertEquals(expected, ShortestDecimal.floorLog2Pow10(e), "e " + e);
    }
  }

  @Test
  void powerOfTenTableHoldsTheNext126BitIntegerAboveEveryScaledPowerOfTen() {
    assertEquals(-324, ShortestDecimal.Pow10Table.MIN_K);
    assertEquals(292, ShortestDecimal.Pow10Table.MAX_K);
    for (int k = ShortestDecimal.Pow10Table.MIN_K; k <= ShortestDecimal.Pow10Table.MAX_K; k++) {
      int i = ShortestDecimal.Pow10Table.MAX_K - k;
      BigInteger g = BigInteger.valueOf(ShortestDecimal.Pow10Table.G1[i]).shiftLeft(63)
          .or(BigInteger.valueOf(ShortestDecimal.Pow10Table.G0[i]));
      assertEquals(126, g.bitLength(), "k " + k);
      // g - 1 <= 10^-k / 2^r < g with r = floor(-k log2 10) - 125, as n / d with integers
      int r = ShortestDecimal.floorLog2Pow10(-k) - 125;
      BigInteger n = BigInteger.TEN.pow(Math.max(-k, 0)).shiftLeft(Math.max(-r, 0));
      BigInteger d = BigInteger.TEN.pow(Math.max(k, 0)).shiftLeft(Math.max(r, 0));
      assertTrue(g.subtract(BigInteger.ONE).multiply(d).compareTo(n) <= 0, "k " + k);
      assertTrue(g.multiply(d).compareTo(n) > 0, "k " + k);
    }
  }

  /** floor(log10(n / d)): with a and b digits, n / d lies in (10^(a-b-1), 10^(a-b+1)). */
  private static int floorLog10(BigInteger n, BigInteger d) {
    int log = n.toString().length() - d.toString().length();
    BigInteger scaledN = log >= 0 ? n : n.multiply(BigInteger.TEN.pow(-log));
    BigInteger scaledD = log >= 0 ? d.multiply(BigInteger.TEN.pow(log)) : d;
    return scaledN.compareTo(scaledD) >= 0 ? log : log - 1;
  }

  /**
   * 200,000 random bit patterns and the hard cases: powers of two and their neighbours (where the rounding interval
   * is asymmetric), every subnormal far past {@link ShortestDecimal#TINY}, the largest and smallest values, values
   * around every power of ten, integers near 2^53, and decimals with 15 to 17 significant digits.
   */
  private static double[] values() {
    SplittableRandom random = new SplittableRandom(11);
    DoubleStream.Builder values = DoubleStream.builder();
    for (int i = 0; i < 200_000; i++) {
      values.add(Double.longBitsToDouble(random.nextLong()));
    }
    for (int q = -1074; q <= 1023; q++) {
      double pow2 = StrictMath.scalb(1.0, q);
      values.add(pow2).add(Math.nextDown(pow2)).add(Math.nextUp(pow2)).add(-pow2);
    }
    for (long bits = 1; bits < 20_000; bits++) {
      values.add(Double.longBitsToDouble(bits));
    }
    values.add(Double.MIN_VALUE).add(Double.MIN_NORMAL).add(Math.nextDown(Double.MIN_NORMAL))
        .add(Double.MAX_VALUE).add(Math.nextDown(Double.MAX_VALUE)).add(2.82879384806159E17).add(1.0E23)
        .add(2.0E-3).add(5.0E-324);
    for (int decade = -320; decade <= 308; decade++) {
      double pow10 = Double.parseDouble("1E" + decade);
      values.add(pow10).add(Math.nextDown(pow10)).add(Math.nextUp(pow10))
          .add(Double.parseDouble("1.2345678901234567E" + decade)).add(Double.parseDouble("9.87654321E" + decade))
          .add(Double.parseDouble("5E" + decade));
    }
    for (long n = (1L << 53) - 1000; n <= (1L << 53) + 1000; n++) {
      values.add(n);
    }
    for (int i = 0; i < 30_000; i++) {
      int digits = 15 + i % 3;
      long significand = random.nextLong((long) Math.pow(10, digits - 1), (long) Math.pow(10, digits));
      values.add(Double.parseDouble(significand + "E" + random.nextInt(-340, 300)));
    }
    return values.build().toArray();
  }
}
