package dev.weir.simulator.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShortestDecimalTest {

  /** Expected texts are what JDK 19+ Double.toString prints; the exact path must match them on every JDK. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "0.1|0.1", "100.0|100.0", "1.0E7|1.0E7", "9999999.0|9999999.0", "0.001|0.001", "1.0E-4|1.0E-4",
      "-0.0|-0.0", "0.0|0.0", "123.456|123.456",
      "4.9E-324|4.9E-324", "1.7976931348623157E308|1.7976931348623157E308",
      "2.2250738585072014E-308|2.2250738585072014E-308",
      "2.82879384806159E17|2.82879384806159E17", "1.0E23|1.0E23", "2.0E-3|0.002",
      "5.0E-324|4.9E-324", "1.0E22|1.0E22", "8.41E21|8.41E21", "NaN|NaN", "Infinity|Infinity",
      "-Infinity|-Infinity"})
  void exactPathPrintsTheShortestClosestDecimalInDoubleToStringFormat(String in, String expected) {
    double value = Double.parseDouble(in);
    assertEquals(expected, ShortestDecimal.exact(value));
    assertEquals(expected, ShortestDecimal.of(value));
  }

  @Test
  void exactPathRoundTripsRandomBitPatterns() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 20_000; i++) {
      double value = Double.longBitsToDouble(random.nextLong());
      String text = ShortestDecimal.exact(value);
      assertEquals(Double.doubleToLongBits(value), Double.doubleToLongBits(Double.parseDouble(text)), text);
    }
  }

  /** On JDK 19+ Double.toString is specified as the shortest closest decimal: the exact path must agree with it. */
  @Test
  @EnabledForJreRange(min = JRE.JAVA_19)
  void exactPathAgreesWithSpecifiedDoubleToString() {
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 200_000; i++) {
      double value = Double.longBitsToDouble(random.nextLong());
      assertEquals(Double.toString(value), ShortestDecimal.exact(value));
    }
  }
}
