package dev.weir.simulator.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CounterRandomTest {

  private static final int N = 100_000;
  private final CounterRandom random = CounterRandom.of(42, RandomKey.of("accel", "noise", 0));

  @Test
  void drawIsAPureFunctionOfSeedKeyAndIndex() {
    long key = RandomKey.of("accel", "noise", 0);
    assertEquals(CounterRandom.bits(42, key, 7), CounterRandom.of(42, key).bits(7));
    assertEquals(random.gaussian(123_456_789_012L), CounterRandom.of(42, key).gaussian(123_456_789_012L));
    assertNotEquals(CounterRandom.bits(42, key, 7), CounterRandom.bits(43, key, 7));
    assertNotEquals(CounterRandom.bits(42, key, 7), CounterRandom.bits(42, key + 1, 7));
    assertNotEquals(CounterRandom.bits(42, key, 7), CounterRandom.bits(42, key, 8));
  }

  @Test
  void drawsArePinnedSoAnyChangeToTheMixerFails() {
    long key = RandomKey.of("accel", "noise", 0);
    assertEquals(0x12aa69f922589f38L, key);
    assertEquals(0x13e02d9a2f115e53L, CounterRandom.bits(42, key, 0));
    assertEquals(-1.0786330844460044, random.gaussian(0));
  }

  @Test
  void drawIsSplitMix64PositionedAtTheIndex() {
    // SplittableRandom(s).nextLong() is mix(s + γ): the same finalizer, as a reference implementation.
    for (long state : new long[] {0, 1, -1, 0x0123456789abcdefL}) {
      assertEquals(new SplittableRandom(state).nextLong(), CounterRandom.mix(state + CounterRandom.GOLDEN_GAMMA));
    }
  }

  @Test
  void keysSeparateEveryPartOfTheName() {
    Set<Long> keys = new HashSet<>();
    keys.add(RandomKey.of("ab", "c", 0));
    keys.add(RandomKey.of("a", "bc", 0));
    keys.add(RandomKey.of("ab", "c", 1));
    keys.add(RandomKey.of("ab", "c", 256));
    keys.add(RandomKey.of("ba", "c", 0));
    assertEquals(5, keys.size());
  }

  @Test
  void uniformCoversTheUnitIntervalEvenly() {
    int[] deciles = new int[10];
    for (int i = 0; i < N; i++) {
      double u = random.uniform(i);
      assertTrue(u >= 0 && u < 1, "uniform(" + i + ") = " + u);
      deciles[(int) (u * 10)]++;
    }
    for (int count : deciles) {
      assertEquals(N / 10.0, count, 5 * Math.sqrt(N / 10.0)); // 5 sigma
    }
  }

  @Test
  void gaussianHasStandardNormalMomentsAndTails() {
    double sum = 0;
    double sumSq = 0;
    double sumFourth = 0;
    int beyondThree = 0;
    for (int i = 0; i < N; i++) {
      double x = random.gaussian(i);
      sum += x;
      sumSq += x * x;
      sumFourth += x * x * x * x;
      if (Math.abs(x) > 3) {
        beyondThree++;
      }
    }
    assertEquals(0, sum / N, 0.02);
    assertEquals(1, sumSq / N, 0.02);
    assertEquals(3, sumFourth / N, 0.1);
    assertEquals(0.0027 * N, beyondThree, 5 * Math.sqrt(0.0027 * N)); // P(|Z| > 3), 5 sigma
  }

  @Test
  void gaussianReachesTheTailBeyondTheZigguratBase() {
    double max = 0;
    for (int i = 0; i < 1_000_000; i++) {
      max = Math.max(max, Math.abs(random.gaussian(i)));
    }
    // P(|Z| > 3.44) ≈ 5.8e-4, so a million draws include hundreds of tail samples.
    assertTrue(max > 3.5 && max < 7, "max |gaussian| over 1e6 draws = " + max);
  }
}
