package dev.weir.simulator.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SineTableTest {

  @Test
  void matchesStrictMathSineToWithinAFewUlps() {
    SplittableRandom phases = new SplittableRandom(1);
    double worst = 0;
    for (int i = 0; i < 200_000; i++) {
      long phase = phases.nextLong() & ~0x7ffL; // a multiple of 2^11: exactly representable in turns
      double turns = (phase >>> 11) * 0x1.0p-53;
      worst = Math.max(worst, Math.abs(SineTable.sin(phase) - StrictMath.sin(2 * Math.PI * turns)));
    }
    assertEquals(0, worst, 2e-15, "worst absolute error");
  }

  @Test
  void quarterTurnsAreExact() {
    assertEquals(0.0, SineTable.sin(0));
    assertEquals(1.0, SineTable.sin(1L << 62));
    assertEquals(-1.0, SineTable.sin(3L << 62));
  }

  @Test
  void wrapsAtAFullTurn() {
    assertEquals(SineTable.sin(5), SineTable.sin(5 + (1L << 63) + (1L << 63)));
    assertEquals(-SineTable.sin(-1000), SineTable.sin(1000), 1e-300);
  }
}
