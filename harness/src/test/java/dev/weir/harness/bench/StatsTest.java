package dev.weir.harness.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StatsTest {

  @Test
  void nearestRankPercentiles() {
    double[] samples = {5, 1, 4, 2, 3};
    assertEquals(3, Stats.median(samples));
    assertEquals(1, Stats.percentile(samples, 0));
    assertEquals(1, Stats.percentile(samples, 20));
    assertEquals(2, Stats.percentile(samples, 21));
    assertEquals(5, Stats.percentile(samples, 99));
    assertEquals(5, Stats.percentile(samples, 100));
  }

  @Test
  void theMedianOfAnEvenCountIsTheLowerMiddle() {
    assertEquals(2, Stats.median(new double[] {4, 1, 3, 2}));
  }

  @Test
  void noSamplesIsAnError() {
    assertThrows(IllegalArgumentException.class, () -> Stats.median(new double[0]));
  }

  @Test
  void figuresReadAsPeopleWriteThem() {
    assertEquals("1,500", Format.number(1500));
    assertEquals("169,882", Format.number(169_881.7));
    assertEquals("13.9", Format.number(13.94));
    assertEquals("0.40", Format.number(0.4));
    assertEquals("10", Format.number(10));
  }
}
