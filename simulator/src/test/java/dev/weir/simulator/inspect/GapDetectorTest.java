package dev.weir.simulator.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GapDetectorTest {

  private static GapDetector run(long declaredPeriodNs, long... times) {
    GapDetector g = new GapDetector(declaredPeriodNs);
    for (int i = 1; i < times.length; i++) {
      g.step(times[i - 1], times[i]);
    }
    g.finish();
    return g;
  }

  @Test
  void aStepLongerThanTwoDeclaredPeriodsIsAGap() {
    GapDetector g = run(10, 0, 10, 20, 40, 50, 51, 100);
    assertEquals(10, g.periodNs());
    assertEquals(1, g.gaps()); // 51 -> 100 is 49 > 20; 20 -> 40 is exactly two periods, not a gap
    assertEquals(49, g.largestGapNs());
    assertEquals(51, g.largestGapAtNs());
  }

  @Test
  void withoutADeclaredRateThePeriodIsTheMedianStepSoGapsDoNotInflateIt() {
    long[] times = new long[1000];
    for (int i = 1; i < times.length; i++) {
      times[i] = times[i - 1] + (i == 3 || i == 700 ? 5_000 : 100);
    }
    GapDetector g = run(0, times);
    assertEquals(100, g.periodNs());
    assertEquals(2, g.gaps());
    assertEquals(5_000, g.largestGapNs());
    assertEquals(times[2], g.largestGapAtNs());
  }

  @Test
  void stepsSeenWhileLearningAreJudgedOnceThePeriodIsKnown() {
    GapDetector g = run(0, 0, 100, 200, 1_000, 1_100);
    assertEquals(100, g.periodNs());
    assertEquals(1, g.gaps());
    assertEquals(200, g.largestGapAtNs());
  }

  @Test
  void timeGoingBackIsCountedNotTakenForAGap() {
    GapDetector g = run(10, 0, 10, 5, 15, 25);
    assertEquals(1, g.backwards());
    assertEquals(0, g.gaps());
  }

  @Test
  void equalTimesNeitherTeachAPeriodNorCountAsGaps() {
    GapDetector g = run(0, 7, 7, 7);
    assertEquals(0, g.periodNs());
    assertEquals(0, g.gaps());
    assertEquals(-1, g.largestGapAtNs());
  }
}
