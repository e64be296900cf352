package dev.weir.simulator.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SimulationSpecParserTest {

  private static final String SINE_KEYS =
      "id, model, rate_hz, channels, unit, description, noise, amplitude, frequency_hz, phase_deg, offset";
  private static final String SENSOR = "sensors:\n  - {id: temp, model: constant, rate_hz: 10, value: 1}\n";

  private static SimulationSpec parse(String yaml) throws SpecException {
    return SimulationSpecParser.parse(yaml, "scenario.yaml", Set.of());
  }

  @Nested
  class ValidFiles {

    @Test
    void minimalFileGetsDefaults() throws SpecException {
      SimulationSpec spec = Fixtures.parse("valid/minimal.yaml");

      assertEquals(0, spec.seed());
      assertEquals(10_000_000_000L, spec.durationNs());
      assertEquals(List.of(), spec.faults());
      SensorSpec temp = spec.sensors().get(0);
      assertEquals("temp", temp.id());
      assertEquals(new Rate(10, 1), temp.rate());
      assertEquals(List.of("value"), temp.channels());
      assertEquals("", temp.unit());
      assertEquals("", temp.description());
      SignalSpec.RandomWalk walk = assertInstanceOf(SignalSpec.RandomWalk.class, temp.signal());
      assertArrayEquals(new double[] {0}, walk.start());
      assertArrayEquals(new double[] {1}, walk.stepStddev());
      assertArrayEquals(new double[] {Double.NEGATIVE_INFINITY}, walk.min());
      assertArrayEquals(new double[] {Double.POSITIVE_INFINITY}, walk.max());
    }

    @Test
    void fullFileReadsEverySensorModel() throws SpecException {
      SimulationSpec spec = Fixtures.parse("valid/full.yaml");
      List<SensorSpec> sensors = spec.sensors();

      assertEquals(42, spec.seed());
      assertEquals(90_000_000_000L, spec.durationNs());
      SensorSpec accel = sensors.get(0);
      assertEquals(List.of("x", "y", "z"), accel.channels());
      assertEquals("m/s²", accel.unit());
      assertEquals("3-axis accelerometer", accel.description());
      SignalSpec.Sum withNoise = assertInstanceOf(SignalSpec.Sum.class, accel.signal());
      SignalSpec.Sine sine = assertInstanceOf(SignalSpec.Sine.class, withNoise.terms().get(0));
      assertArrayEquals(new double[] {1, 2, 3}, sine.amplitude());
      assertArrayEquals(new double[] {5, 5, 5}, sine.frequencyHz());
      assertArrayEquals(new double[] {0, 90, 180}, sine.phaseDeg());
      assertArrayEquals(new double[] {0, 0, 0}, sine.offset());
      SignalSpec.GaussianNoise noise = assertInstanceOf(SignalSpec.GaussianNoise.class, withNoise.terms().get(1));
      assertArrayEquals(new double[] {0, 0, 0}, noise.mean());
      assertArrayEquals(new double[] {0.01, 0.01, 0.01}, noise.stddev());

      assertEquals(Rate.ofHertz(new BigDecimal("0.1")), sensors.get(1).rate());
      assertArrayEquals(new double[] {7.5}, ((SignalSpec.Constant) sensors.get(1).signal()).value());

      SignalSpec.Square square = (SignalSpec.Square) sensors.get(2).signal();
      assertArrayEquals(new double[] {0.25}, square.duty());
      assertArrayEquals(new double[] {1}, square.offset());

      assertEquals(List.of("c0", "c1"), sensors.get(3).channels());
      assertArrayEquals(new double[] {0.5, 2}, ((SignalSpec.Sawtooth) sensors.get(3).signal()).frequencyHz());

      SignalSpec.RandomWalk walk = (SignalSpec.RandomWalk) sensors.get(4).signal();
      assertEquals(new Rate(3, 1), sensors.get(4).rate());
      assertArrayEquals(new double[] {20}, walk.start());
      assertArrayEquals(new double[] {0.5}, walk.stepStddev());
      assertArrayEquals(new double[] {0}, walk.min());
      assertArrayEquals(new double[] {40}, walk.max());

      SignalSpec.GaussianNoise hiss = (SignalSpec.GaussianNoise) sensors.get(5).signal();
      assertArrayEquals(new double[] {1}, hiss.mean());
      assertArrayEquals(new double[] {0.1}, hiss.stddev());

      SignalSpec.Counter counter = (SignalSpec.Counter) sensors.get(6).signal();
      assertArrayEquals(new double[] {100}, counter.start());
      assertArrayEquals(new double[] {-1}, counter.step());

      SignalSpec.Step step = (SignalSpec.Step) sensors.get(7).signal();
      assertArrayEquals(new double[] {0}, step.initial());
      assertEquals(2_000_000_000L, step.steps().get(0).atNs());
      assertArrayEquals(new double[] {5}, step.steps().get(0).value());
      assertEquals(2_500_000_000L, step.steps().get(1).atNs());
      assertArrayEquals(new double[] {-1}, step.steps().get(1).value());

      SignalSpec.Spike spike = (SignalSpec.Spike) sensors.get(8).signal();
      assertArrayEquals(new double[] {9}, spike.height());
      assertEquals(2_000_000L, spike.widthNs());
      assertEquals(List.of(1_000_000_000L, 5_000_000_000L), spike.atNs());
      assertEquals(10_000_000_000L, spike.everyNs());
      assertEquals(0.001, spike.probability());

      SignalSpec.Sum sum = (SignalSpec.Sum) sensors.get(9).signal();
      assertArrayEquals(new double[] {2}, ((SignalSpec.Sine) sum.terms().get(0)).amplitude());
      assertArrayEquals(new double[] {0.5}, ((SignalSpec.Counter) sum.terms().get(1)).step());
    }

    @Test
    void fullFileReadsEveryFaultKind() throws SpecException {
      List<FaultSpec> faults = Fixtures.parse("valid/full.yaml").faults();
      long until = FaultSpec.UNTIL_END;

      assertEquals(List.of(
          new FaultSpec(2_000_000_000L, 1_000_000_000L, List.of("accel"), new FaultSpec.Dropout(0.5)),
          new FaultSpec(3_000_000_000L, 100_000_000L, List.of(), new FaultSpec.Burst()),
          new FaultSpec(0, until, List.of(), new FaultSpec.Duplicate(0.1)),
          new FaultSpec(4_000_000_000L, 1_000_000_000L, List.of(), new FaultSpec.Jitter(2_000_000L)),
          new FaultSpec(0, until, List.of(), new FaultSpec.Drift(-50)),
          new FaultSpec(0, until, List.of("walk", "hiss"), new FaultSpec.Skew(-5_000_000L)),
          new FaultSpec(6_000_000_000L, 500_000_000L, List.of(), new FaultSpec.Stuck()),
          new FaultSpec(0, until, List.of(), new FaultSpec.OutOfRange(1, 1.0e9)),
          new FaultSpec(8_000_000_000L, until, List.of(), new FaultSpec.NotANumber(1))), faults);
    }

    @Test
    void rateKeepsTheExactDecimalText() throws SpecException {
      SimulationSpec spec = parse("duration: 1s\nsensors: [{id: a, model: counter, rate_hz: 0.3}]\n");

      assertEquals(new Rate(3, 10), spec.sensors().get(0).rate());
    }

    @Test
    void keysOfOtherModulesAreIgnored() throws SpecException {
      SimulationSpec spec = SimulationSpecParser.parse("weir: 1\nname: x\nduration: 1s\n" + SENSOR, "s.yaml",
          Set.of("weir", "name"));

      assertEquals(1_000_000_000L, spec.durationNs());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void badInputIsRejectedWithItsPosition(String description, String yaml, String message) {
    SpecException e = assertThrows(SpecException.class, () -> parse(yaml));

    assertEquals(message, e.getMessage());
  }

  static Stream<Arguments> badInputs() {
    return Stream.of(
        Arguments.of("rate that is not a number, after multi-byte text",
            "duration: 10s\nsensors:\n  - {id: temp, model: constant, value: 1, unit: °C, rate_hz: fast}\n",
            "scenario.yaml:3:62 (byte 85): sensors[0].rate_hz: expected a rate in hertz from 0.1 to "
                + "1000000, found \"fast\""),
        Arguments.of("quoted number for a rate",
            "duration: 10s\nsensors:\n  - {id: temp, model: constant, value: 1, rate_hz: \"100\"}\n",
            "scenario.yaml:3:52 (byte 74): sensors[0].rate_hz: expected a rate in hertz from 0.1 to "
                + "1000000, found \"100\""),
        Arguments.of("rate of zero",
            "duration: 10s\nsensors:\n  - {id: temp, model: constant, value: 1, rate_hz: 0}\n",
            "scenario.yaml:3:52 (byte 74): sensors[0].rate_hz: expected a rate in hertz from 0.1 to 1000000, found 0"),
        Arguments.of("misspelt sensor key",
            "duration: 10s\nsensors:\n  - {id: temp, model: sine, rateHz: 10}\n",
            "scenario.yaml:3:29 (byte 51): sensors[0].rateHz: unknown key \"rateHz\" in sensor (model "
                + "sine); expected one of: id, model, rate_hz, channels, unit, description, noise, amplitude, "
                + "frequency_hz, phase_deg, offset; did you mean \"rate_hz\"?"),
        Arguments.of("misspelt model key when model is missing",
            "duration: 10s\nsensors:\n  - {id: temp, modle: sine, rate_hz: 10}\n",
            "scenario.yaml:3:16 (byte 38): sensors[0].modle: unknown key \"modle\" in sensor; expected one "
                + "of: id, model, rate_hz, channels, unit, description, noise, value, amplitude, frequency_hz, "
                + "phase_deg, offset, duty, start, step_stddev, min, max, mean, stddev, step, initial, steps, "
                + "height, width, at, every, probability, terms; did you mean \"model\"?"),
        Arguments.of("per-channel list of the wrong length",
            "duration: 10s\nsensors:\n  - {id: a, model: sine, rate_hz: 10, channels: [x, y, z], amplitude: [1, 2]}\n",
            "scenario.yaml:3:71 (byte 93): sensors[0].amplitude: expected 3 values, one per channel (x, y, "
                + "z), found 2"),
        Arguments.of("bad item in a per-channel list",
            "duration: 10s\nsensors:\n  - {id: a, model: sine, rate_hz: 10, channels: 2, amplitude: [1, .nan]}\n",
            "scenario.yaml:3:67 (byte 89): sensors[0].amplitude[1]: expected a number, found .nan"),
        Arguments.of("per-channel mapping",
            "duration: 10s\nsensors:\n  - {id: a, model: sine, rate_hz: 10, offset: {x: 1}}\n",
            "scenario.yaml:3:47 (byte 69): sensors[0].offset: expected a number or a list of them, one per "
                + "channel, found a mapping"),
        Arguments.of("duplicate sensor id",
            "duration: 10s\nsensors:\n  - {id: a, model: counter, rate_hz: 1}\n  - {id: a, model: counter, "
                + "rate_hz: 2}\n",
            "scenario.yaml:4:10 (byte 72): sensors[1].id: duplicate sensor id \"a\"; first declared at line "
                + "3, column 10"),
        Arguments.of("duplicate channel name",
            "duration: 10s\nsensors:\n  - {id: a, model: counter, rate_hz: 1, channels: [x, x]}\n",
            "scenario.yaml:3:55 (byte 77): sensors[0].channels[1]: duplicate channel name \"x\"; first "
                + "declared at line 3, column 52"),
        Arguments.of("sensor id with a space",
            "duration: 10s\nsensors:\n  - {id: my sensor, model: counter, rate_hz: 1}\n",
            "scenario.yaml:3:10 (byte 32): sensors[0].id: expected a sensor id of letters, digits, '_', '.' "
                + "or '-', found \"my sensor\""),
        Arguments.of("negative duration",
            "duration: -1s\n" + SENSOR,
            "scenario.yaml:1:11 (byte 10): duration: expected a duration that is not negative, found \"-1s\""),
        Arguments.of("seed that is not an integer",
            "seed: 1.5\nduration: 1s\n" + SENSOR,
            "scenario.yaml:1:7 (byte 6): seed: expected a whole number from -2^63 to 2^63-1, found 1.5"),
        Arguments.of("empty sensor list",
            "duration: 1s\nsensors: []\n",
            "scenario.yaml:2:10 (byte 22): sensors: expected at least one sensor, found an empty list"),
        Arguments.of("random walk with min above max",
            "duration: 10s\nsensors:\n  - {id: w, model: random-walk, rate_hz: 1, min: 5, max: 3}\n",
            "scenario.yaml:3:58 (byte 80): sensors[0].max: expected max above min on every channel, found "
                + "min 5 and max 3 on channel value"),
        Arguments.of("random walk starting outside its bounds",
            "duration: 10s\nsensors:\n  - {id: w, model: random-walk, rate_hz: 1, min: 1, max: 3}\n",
            "scenario.yaml:3:50 (byte 72): sensors[0].min: expected start within [min, max] on every "
                + "channel, found start 0 outside [1, 3] on channel value"),
        Arguments.of("step times that go backwards",
            "duration: 10s\nsensors:\n  - {id: s, model: step, rate_hz: 1, steps: [{at: 2s, value: 1}, {at: "
                + "1s, value: 2}]}\n",
            "scenario.yaml:3:71 (byte 93): sensors[0].steps[1].at: expected a time later than the one "
                + "before it (\"2s\"), found \"1s\""),
        Arguments.of("spike that never fires",
            "duration: 10s\nsensors:\n  - {id: s, model: spike, rate_hz: 1, height: 1}\n",
            "scenario.yaml:3:5 (byte 27): sensors[0]: a spike needs at least one of \"at\", \"every\" or a "
                + "\"probability\" above 0; without them it never fires"),
        Arguments.of("sum term with a sensor key",
            "duration: 10s\nsensors:\n  - {id: s, model: sum, rate_hz: 1, terms: [{model: sine, id: t}]}\n",
            "scenario.yaml:3:59 (byte 81): sensors[0].terms[0].id: unknown key \"id\" in sum term (model "
                + "sine); expected one of: model, amplitude, frequency_hz, phase_deg, offset"),
        Arguments.of("noise block with an unknown key",
            "duration: 10s\nsensors:\n  - {id: s, model: sine, rate_hz: 1, noise: {stdev: 1}}\n",
            "scenario.yaml:3:46 (byte 68): sensors[0].noise.stdev: unknown key \"stdev\" in noise; expected "
                + "one of: mean, stddev; did you mean \"stddev\"?"),
        Arguments.of("fault without a kind",
            "duration: 10s\n" + SENSOR + "faults:\n  - {at: 1s}\n",
            "scenario.yaml:5:5 (byte 90): faults[0]: missing the fault kind; expected exactly one of: "
                + "dropout, burst, duplicate, jitter, drift, skew, stuck, out_of_range, nan"),
        Arguments.of("fault on an undeclared sensor",
            "duration: 10s\n" + SENSOR + "faults:\n  - {sensors: [tmp], stuck: {}}\n",
            "scenario.yaml:5:16 (byte 101): faults[0].sensors[0]: expected a declared sensor id (temp), "
                + "found \"tmp\"; did you mean \"temp\"?"),
        Arguments.of("fault starting after the run",
            "duration: 10s\n" + SENSOR + "faults:\n  - {at: 10s, stuck: {}}\n",
            "scenario.yaml:5:10 (byte 95): faults[0].at: expected a start time before the end of the run "
                + "(duration 10s), found \"10s\""),
        Arguments.of("fault with an empty sensor list",
            "duration: 10s\n" + SENSOR + "faults:\n  - {sensors: [], stuck: {}}\n",
            "scenario.yaml:5:15 (byte 100): faults[0].sensors: expected at least one sensor id, found an "
                + "empty list; leave \"sensors\" out to affect all sensors"),
        Arguments.of("fault kind missing its required parameter",
            "duration: 10s\n" + SENSOR + "faults:\n  - {jitter: {for: 1s}}\n",
            "scenario.yaml:5:14 (byte 99): faults[0].jitter: missing required key \"stddev\" in jitter fault"),
        Arguments.of("fault lasting zero time",
            "duration: 10s\n" + SENSOR + "faults:\n  - {nan: {for: 0s}}\n",
            "scenario.yaml:5:17 (byte 102): faults[0].nan.for: expected a duration above zero, found \"0s\""),
        Arguments.of("misspelt top-level key",
            "duration: 10s\nsensor:\n  - {id: temp, model: constant, rate_hz: 10, value: 1}\n",
            "scenario.yaml:2:1 (byte 14): sensor: unknown key \"sensor\" in the scenario file; expected one "
                + "of: seed, duration, sensors, faults; did you mean \"sensors\"?"),
        Arguments.of("document that is not a mapping",
            "- 1\n",
            "scenario.yaml:1:1 (byte 0): expected a mapping with keys seed, duration, sensors, faults, found a list"),
        Arguments.of("empty document",
            "",
            "scenario.yaml:1:1 (byte 0): expected a mapping with keys seed, duration, sensors, faults, found null"));
  }

  @Test
  void problemsInIndependentSensorsAndKeysAreAllReported() {
    SpecException e = assertThrows(SpecException.class, () -> parse(
        "seed: x\nduration: 10s\nsensors:\n  - {id: a, model: sine, rate_hz: 0}\n"
            + "  - {id: b, model: sine, rate_hz: 1, amp: 1, ampl: 2}\n"));

    assertEquals(List.of(
        "scenario.yaml:1:7 (byte 6): seed: expected a whole number from -2^63 to 2^63-1, found \"x\"",
        "scenario.yaml:4:35 (byte 65): sensors[0].rate_hz: expected a rate in hertz from 0.1 to 1000000, found 0",
        "scenario.yaml:5:38 (byte 105): sensors[1].amp: unknown key \"amp\" in sensor (model sine); expected one of: "
            + SINE_KEYS + "; did you mean \"amplitude\"?",
        "scenario.yaml:5:46 (byte 113): sensors[1].ampl: unknown key \"ampl\" in sensor (model sine); expected one of: "
            + SINE_KEYS + "; did you mean \"amplitude\"?"),
        e.problems().stream().map(SpecException::getMessage).toList());
    assertEquals(e.problems().get(0).getMessage(), e.getMessage());
  }

  @Test
  void problemsInIndependentFaultsAreAllReported() {
    SpecException e = assertThrows(SpecException.class, () -> parse("duration: 10s\n" + SENSOR
        + "faults:\n  - {stuck: {}, at: 1m}\n  - {dropout: {probability: 1.5}}\n"));

    assertEquals(List.of(
        "scenario.yaml:5:21 (byte 106): faults[0].at: expected a start time before the end of the run (duration 10s),"
            + " found \"1m\"",
        "scenario.yaml:6:29 (byte 138): faults[1].dropout.probability: expected a probability from 0 to 1, found 1.5"),
        e.problems().stream().map(SpecException::getMessage).toList());
  }
}
