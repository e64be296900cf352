package dev.weir.simulator.signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.simulator.spec.Rate;
import dev.weir.simulator.spec.SensorSpec;
import dev.weir.simulator.spec.SignalSpec;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SensorSignalTest {

  private static final double INF = Double.POSITIVE_INFINITY;
  private static final int N = 100_000;

  static SensorSignal compile(Rate rate, SignalSpec signal, int channels) {
    List<String> names = Stream.of("x", "y", "z", "w").limit(channels).toList();
    return SensorSignal.compile(42, new SensorSpec("s", rate, names, "", "", signal));
  }

  static SensorSignal compile(SignalSpec signal) {
    return compile(new Rate(1000, 1), signal, 1);
  }

  static double[] v(double... values) {
    return values;
  }

  static Stream<SignalSpec> everyModel() {
    return Stream.of(
        new SignalSpec.Constant(v(1.5, -2)),
        new SignalSpec.Sine(v(2, 3), v(7.3, 50), v(10, -45), v(0.5, 0)),
        new SignalSpec.Square(v(1, 2), v(3, 4.5), v(0, 90), v(0, 1), v(0.25, 0.5)),
        new SignalSpec.Sawtooth(v(1, 2), v(3, 0.7), v(0, 30), v(0, 1)),
        new SignalSpec.RandomWalk(v(0, 5), v(1, 0.1), v(-INF, 4), v(INF, 6)),
        new SignalSpec.GaussianNoise(v(0, 1), v(1, 2)),
        new SignalSpec.Counter(v(0, 100), v(1, -0.5)),
        new SignalSpec.Step(v(0, 0), List.of(new SignalSpec.Step.Level(1_500_000, v(1, 2)))),
        new SignalSpec.Spike(v(5, 6), 3_000_000, List.of(2_000_000L), 40_000_000, 0.01),
        new SignalSpec.Sum(List.of(new SignalSpec.Sine(v(1, 1), v(5, 5), v(0, 0), v(0, 0)),
            new SignalSpec.GaussianNoise(v(0, 0), v(0.1, 0.1)))));
  }

  @ParameterizedTest
  @MethodSource("everyModel")
  void bulkFillEqualsSeekingEachIndex(SignalSpec model) {
    for (long from : new long[] {0, 1000, 1023, 5_000_000_000L, (1L << 40) - 3000}) {
      SensorSignal bulk = compile(new Rate(1000, 1), model, 2);
      SensorSignal seek = compile(new Rate(1000, 1), model, 2);
      int count = 2500;
      double[] out = new double[count * 2];
      bulk.fill(from, count, out);
      for (int k = 0; k < count; k++) {
        assertArrayEquals(seek.values(from + k), Arrays.copyOfRange(out, 2 * k, 2 * k + 2), "index " + (from + k));
      }
    }
  }

  @Test
  void randomWalkGivesTheSameValuesWhateverOrderItIsAskedIn() {
    // Backwards, one sample at a time, across block boundaries: the hostile order for the block cache.
    SignalSpec walk = new SignalSpec.RandomWalk(v(0, 1), v(1, 2), v(-INF, -3), v(INF, 3));
    long from = 3 * 1024 - 700;
    double[] forward = new double[2 * 1400];
    compile(new Rate(1000, 1), walk, 2).fill(from, 1400, forward);
    SensorSignal backwards = compile(new Rate(1000, 1), walk, 2);
    double[] one = new double[2];
    for (int k = 1399; k >= 0; k--) {
      backwards.fill(from + k, 1, one);
      assertArrayEquals(Arrays.copyOfRange(forward, 2 * k, 2 * k + 2), one, "index " + (from + k));
    }
  }

  @Test
  void fillRejectsAnArrayTooShortForTheChannels() {
    SensorSignal signal = compile(new Rate(1, 1), new SignalSpec.Constant(v(1, 2)), 2);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> signal.fill(0, 3, new double[5]));
    assertEquals("fill of 3 samples × 2 channels needs 6 slots, out has 5", e.getMessage());
  }

  @Nested
  class Periodic {

    @Test
    void sineHasExactPeriodAndAmplitude() {
      // 16 Hz at 1024 Hz: 64 samples per period, a step that is exact in fixed point.
      SensorSignal sine = compile(new Rate(1024, 1), new SignalSpec.Sine(v(2), v(16), v(0), v(1)), 1);
      assertEquals(1.0, sine.value(0, 0));
      assertEquals(3.0, sine.value(0, 16));
      assertEquals(-1.0, sine.value(0, 48));
      for (long i = 0; i < 64; i++) {
        assertEquals(sine.value(0, i), sine.value(0, i + 64 * 1_000_000_007L), "index " + i);
      }
    }

    @Test
    void sineFollowsTheFormulaAtNonDyadicFrequencies() {
      SensorSignal sine = compile(new Rate(1000, 1), new SignalSpec.Sine(v(1.5), v(7.3), v(30), v(0)), 1);
      for (long i = 0; i < 10_000; i += 7) {
        double expected = 1.5 * StrictMath.sin(2 * Math.PI * (7.3 * i / 1000 + 30.0 / 360));
        assertEquals(expected, sine.value(0, i), 1e-12, "index " + i);
      }
    }

    @Test
    void squareIsHighForTheDutyFractionOfEachPeriod() {
      // 1 Hz at 8 Hz, duty 0.25: 2 of every 8 samples high.
      SensorSignal square = compile(new Rate(8, 1), new SignalSpec.Square(v(1), v(1), v(0), v(10), v(0.25)), 1);
      double[] out = new double[16];
      square.fill(0, 16, out);
      assertArrayEquals(v(11, 11, 9, 9, 9, 9, 9, 9, 11, 11, 9, 9, 9, 9, 9, 9), out);
    }

    @Test
    void sawtoothRampsFromOffsetMinusAmplitudeOncePerPeriod() {
      SensorSignal saw = compile(new Rate(4, 1), new SignalSpec.Sawtooth(v(2), v(1), v(0), v(0)), 1);
      double[] out = new double[6];
      saw.fill(0, 6, out);
      assertArrayEquals(v(-2, -1, 0, 1, -2, -1), out);
    }
  }

  @Nested
  class Random {

    @Test
    void noiseHasTheDeclaredMeanAndStddev() {
      double[] x = samples(new SignalSpec.GaussianNoise(v(5), v(2)), 0);
      assertEquals(5, mean(x), 0.03);
      assertEquals(2, stddev(x), 0.03);
      assertEquals(0, lagOneCorrelation(x), 0.02);
    }

    @Test
    void randomWalkStartsAtStartAndHasIidIncrementsOfTheDeclaredStddev() {
      SignalSpec walk = new SignalSpec.RandomWalk(v(3), v(0.5), v(-INF), v(INF));
      assertEquals(3.0, compile(walk).value(0, 0));
      for (long from : new long[] {0, 123_456_789_012L}) {
        double[] x = samples(walk, from);
        double[] steps = new double[x.length - 1];
        for (int i = 0; i < steps.length; i++) {
          steps[i] = x[i + 1] - x[i];
        }
        assertEquals(0, mean(steps), 0.005);
        assertEquals(0.5, stddev(steps), 0.006);
        assertEquals(0, lagOneCorrelation(steps), 0.02);
      }
    }

    @Test
    void randomWalkIsReflectedIntoItsBounds() {
      double[] x = samples(new SignalSpec.RandomWalk(v(0), v(1), v(-10), v(10)), 0);
      assertTrue(Arrays.stream(x).allMatch(value -> value >= -10 && value <= 10));
      assertTrue(Arrays.stream(x).anyMatch(value -> value > 9.5) && Arrays.stream(x).anyMatch(value -> value < -9.5),
          "a 1e5-step walk with unit steps should visit both ends of [-10, 10]");
    }

    @Test
    void randomSpikesStartAtTheSeededRateAndLastTheirWidth() {
      // 1 ms samples, 3 ms wide spikes: every spike covers its start sample and the next two.
      double[] x = samples(new SignalSpec.Spike(v(7), 3_000_000, List.of(), 0, 0.01), 0);
      int starts = 0;
      for (int i = 0; i < x.length; i++) {
        assertTrue(x[i] == 0 || x[i] == 7, "index " + i + ": " + x[i]);
        if (x[i] == 7 && (i == 0 || x[i - 1] == 0)) {
          starts++;
          assertTrue(i + 2 >= x.length || (x[i + 1] == 7 && x[i + 2] == 7), "spike at " + i + " shorter than 3 samples");
        }
      }
      // Overlapping spikes merge, so count runs: expected runs = N·p·(1-p)^3 ≈ 970.
      assertEquals(N * 0.01 * Math.pow(0.99, 3), starts, 5 * Math.sqrt(N * 0.01));
    }

    private double[] samples(SignalSpec spec, long from) {
      double[] x = new double[N];
      compile(spec).fill(from, N, x);
      return x;
    }
  }

  @Nested
  class Deterministic {

    @Test
    void counterIsStartPlusStepTimesIndex() {
      SensorSignal counter = compile(new SignalSpec.Counter(v(10), v(0.5)));
      assertEquals(10.0, counter.value(0, 0));
      assertEquals(10 + 0.5 * 1_000_000_001L, counter.value(0, 1_000_000_001L));
    }

    @Test
    void stepHoldsEachLevelFromItsTimeAndTheLaterOfTwoEqualTimesWins() {
      SensorSignal step = compile(new Rate(1000, 1), new SignalSpec.Step(v(0), List.of(
          new SignalSpec.Step.Level(5_000_000, v(2)),
          new SignalSpec.Step.Level(2_000_000, v(1)),
          new SignalSpec.Step.Level(5_000_000, v(3)))), 1);
      double[] out = new double[7];
      step.fill(0, 7, out);
      assertArrayEquals(v(0, 0, 1, 1, 1, 3, 3), out);
    }

    @Test
    void listedAndPeriodicSpikesCoverTheirWidth() {
      SensorSignal spike = compile(new Rate(1000, 1),
          new SignalSpec.Spike(v(4), 2_000_000, List.of(3_000_000L), 10_000_000, 0), 1);
      double[] out = new double[13];
      spike.fill(0, 13, out);
      assertArrayEquals(v(4, 4, 0, 4, 4, 0, 0, 0, 0, 0, 4, 4, 0), out);
    }

    @Test
    void sumAddsItsTermsPerChannel() {
      SignalSpec counter = new SignalSpec.Counter(v(1, 2), v(1, 1));
      SignalSpec constant = new SignalSpec.Constant(v(10, 20));
      SensorSignal sum = compile(new Rate(1, 1), new SignalSpec.Sum(List.of(counter, constant)), 2);
      assertArrayEquals(v(15, 26), sum.values(4));
    }

    @Test
    void termsOfASumDrawIndependentRandomness() {
      SignalSpec noise = new SignalSpec.GaussianNoise(v(0), v(1));
      SensorSignal sum = compile(new SignalSpec.Sum(List.of(noise, noise)));
      SensorSignal single = compile(noise);
      assertTrue(sum.value(0, 9) != 2 * single.value(0, 9));
    }
  }

  @Nested
  class Errors {

    @Test
    void aParameterWithTheWrongNumberOfChannelValuesIsNamed() {
      SignalSpec sum = new SignalSpec.Sum(List.of(new SignalSpec.Constant(v(0, 0)),
          new SignalSpec.Sine(v(1, 1), v(1), v(0, 0), v(0, 0))));
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> compile(new Rate(10, 1), sum, 2));
      assertEquals("sensor s: sum[1].sine.frequencyHz has 1 values, expected 2 (one per channel)", e.getMessage());
    }

    @Test
    void randomWalkBoundsMustBeOrdered() {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> compile(new SignalSpec.RandomWalk(v(0), v(1), v(5), v(1))));
      assertEquals("sensor s: random-walk.min (5.0) must not exceed random-walk.max (1.0) on channel 0", e.getMessage());
    }

    @Test
    void spikeWidthMustBePositive() {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> compile(new SignalSpec.Spike(v(1), 0, List.of(), 0, 0)));
      assertEquals("sensor s: spike.widthNs must be positive: 0", e.getMessage());
    }

    @Test
    void sineFrequencyMustBeFinite() {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> compile(new SignalSpec.Sine(v(1), v(Double.NaN), v(0), v(0))));
      assertEquals("sensor s: sine.frequencyHz and sine.phaseDeg must be finite on channel 0: NaN, 0.0", e.getMessage());
    }
  }

  static double mean(double[] x) {
    return Arrays.stream(x).sum() / x.length;
  }

  static double stddev(double[] x) {
    double m = mean(x);
    return Math.sqrt(Arrays.stream(x).map(value -> (value - m) * (value - m)).sum() / (x.length - 1));
  }

  static double lagOneCorrelation(double[] x) {
    double m = mean(x);
    double num = 0;
    double den = 0;
    for (int i = 0; i < x.length; i++) {
      den += (x[i] - m) * (x[i] - m);
      if (i + 1 < x.length) {
        num += (x[i] - m) * (x[i + 1] - m);
      }
    }
    return num / den;
  }
}
