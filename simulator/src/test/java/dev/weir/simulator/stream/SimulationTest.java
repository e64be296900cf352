package dev.weir.simulator.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.simulator.spec.FaultSpec;
import dev.weir.simulator.spec.Rate;
import dev.weir.simulator.spec.SensorSpec;
import dev.weir.simulator.spec.SignalSpec;
import dev.weir.simulator.spec.SimulationSpec;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SimulationTest {

  private static final long S = 1_000_000_000L;
  private static final double INF = Double.POSITIVE_INFINITY;

  static double[] v(double... values) {
    return values;
  }

  static final SensorSpec ACCEL = new SensorSpec("accel", new Rate(1000, 1), List.of("x", "y", "z"), "m/s2", "",
      new SignalSpec.Sum(List.of(new SignalSpec.Sine(v(1, 2, 3), v(5, 5, 7.5), v(0, 90, 45), v(0, 0, 9.81)),
          new SignalSpec.GaussianNoise(v(0, 0, 0), v(0.01, 0.01, 0.02)))));
  static final SensorSpec TEMP = new SensorSpec("temp", Rate.ofHertz(new BigDecimal("3")), List.of("c"), "C", "",
      new SignalSpec.RandomWalk(v(20), v(0.1), v(15), v(25)));
  static final SensorSpec BEACON = new SensorSpec("beacon", Rate.ofHertz(new BigDecimal("0.1")), List.of("n"), "", "",
      new SignalSpec.Counter(v(0), v(1)));
  static final List<FaultSpec> FAULTS = List.of(
      new FaultSpec(2 * S, S, List.of("accel"), new FaultSpec.Burst()),
      new FaultSpec(4 * S, S, List.of("accel"), new FaultSpec.Dropout(0.3)),
      new FaultSpec(6 * S, S, List.of(), new FaultSpec.Duplicate(0.2)),
      new FaultSpec(7 * S, 500_000_000L, List.of("temp"), new FaultSpec.Jitter(1_000_000)),
      new FaultSpec(8 * S, S, List.of("accel"), new FaultSpec.NotANumber(0.1)));
  static final SimulationSpec SPEC = new SimulationSpec(42, 25 * S, List.of(TEMP, ACCEL, BEACON), FAULTS);

  @Test
  void sameSpecAndSeedGiveIdenticalReadings() {
    assertEquals(all(SPEC), all(SPEC));
  }

  @Test
  void anotherSeedGivesOtherValuesAtTheSameTimes() {
    List<Reading> a = all(withFaults());
    List<Reading> b = all(withFaults().withSeed(43));
    assertEquals(a.size(), b.size());
    assertEquals(a.get(100).timeNs(), b.get(100).timeNs());
    assertNotEquals(a.get(100), b.get(100));
  }

  @Test
  void readingsAreOrderedByTimeThenSensorIdAndCoverTheDuration() {
    List<Reading> readings = all(SPEC);
    assertEquals(List.of("accel", "beacon", "temp"), readings.subList(0, 3).stream().map(Reading::sensor).toList());
    for (int k = 1; k < readings.size(); k++) {
      Reading a = readings.get(k - 1);
      Reading b = readings.get(k);
      boolean ordered = a.timeNs() < b.timeNs() || (a.timeNs() == b.timeNs() && (a.sensor().compareTo(b.sensor()) < 0
          || (a.sensor().equals(b.sensor()) && a.index() <= b.index())));
      assertTrue(ordered, "out of order at " + k + ": " + a + " then " + b);
      assertTrue(b.timeNs() < SPEC.durationNs(), "after the run: " + b);
    }
    assertEquals(3, readings.stream().filter(r -> r.sensor().equals("beacon")).count()); // 0, 10 s, 20 s
    assertEquals(75, readings.stream().filter(r -> r.sensor().equals("temp")).map(Reading::index).distinct().count());
  }

  @Test
  void theVirtualClockFollowsTheReadingsHandedOut() {
    VirtualClock clock = new VirtualClock();
    Iterator<Reading> readings = Simulation.of(SPEC).readings(clock);
    Reading last = null;
    for (int k = 0; k < 5000; k++) {
      last = readings.next();
      assertEquals(last.timeNs(), clock.nowNs());
    }
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> clock.advanceTo(clock.nowNs() - 1));
    assertEquals("virtual time cannot go back from " + last.timeNs() + "ns to " + (last.timeNs() - 1) + "ns",
        e.getMessage());
  }

  @Test
  void timestampsAreExactForNonIntegerAndExtremeRates() {
    SensorSpec tenKilohertz = new SensorSpec("fast", new Rate(10_000, 1), List.of("v"), "", "",
        new SignalSpec.Constant(v(0)));
    SimulationSpec spec = new SimulationSpec(1, 20 * S, List.of(TEMP, BEACON, tenKilohertz), List.of());
    Simulation simulation = Simulation.of(spec);
    assertEquals(List.of(0L, 333_333_333L, 666_666_666L, 1_000_000_000L, 1_333_333_333L),
        times(simulation, "temp", 5));
    assertEquals(List.of(0L, 10_000_000_000L), times(simulation, "beacon", 5));
    assertEquals(List.of(0L, 100_000L, 200_000L, 300_000L), times(simulation, "fast", 4));
    assertEquals(19_999_900_000L, last(simulation, "fast").timeNs());
    assertEquals(19_666_666_666L, last(simulation, "temp").timeNs());
    simulation.stream().forEach(r -> assertEquals(r.timeNs(), r.stampNs()));
  }

  @Test
  void seekingASampleGivesItsValuesInTheStream() {
    SensorStream accel = Simulation.of(withFaults()).sensor("accel").orElseThrow();
    List<Reading> sequential = accel.readings().toList();
    for (long i : new long[] {0, 1, 999, 12_345, 24_999}) {
      assertArrayEquals(sequential.get((int) i).values(), accel.values(i), "index " + i);
    }
  }

  @Test
  void parallelChunksConcatenateToTheSequentialReadings() {
    for (SensorStream sensor : sensors(Simulation.of(SPEC))) {
      List<Reading> sequential = sensor.readings().toList();
      assertEquals(sequential, sensor.readings().parallel().toList(), sensor.spec().id());
      long mid = sensor.sampleCount() / 3;
      List<Reading> concatenated = new ArrayList<>(sensor.readings(0, mid).toList());
      concatenated.addAll(sensor.readings(mid, sensor.sampleCount()).toList());
      assertEquals(sequential, concatenated, sensor.spec().id());
    }
  }

  @Test
  void aChunkBoundaryInsideABurstStillReleasesAtTheWindowEnd() {
    SensorStream accel = Simulation.of(SPEC).sensor("accel").orElseThrow();
    List<Reading> head = accel.readings(0, 2500).toList();
    assertEquals(3 * S, head.get(head.size() - 1).timeNs());
  }

  @Test
  void theFirstReadingsArePinnedByHash() throws IOException, NoSuchAlgorithmException {
    // Any change in the math of any model, fault or the random generator, or a JDK computing a
    // bit differently, changes this hash. Update it only for a deliberate change of the stream.
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    all(SPEC).stream().limit(20_000).forEach(r -> write(out, r));
    String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
    assertEquals("992e97e3e5e3cd31a43ae207a1e63af3d74c2ca9ec6626c32d416e8748662eb7", sha256);
  }

  @Test
  void unknownSensorInAFaultIsRejectedWithTheDeclaredIds() {
    SimulationSpec spec = withFaults(new FaultSpec(0, S, List.of("gyro"), new FaultSpec.Burst()));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Simulation.of(spec));
    assertEquals("faults[0] names unknown sensor gyro; declared sensors are [accel, beacon, temp]", e.getMessage());
  }

  @Test
  void duplicateSensorIdsAreRejected() {
    SimulationSpec spec = new SimulationSpec(1, S, List.of(TEMP, TEMP), List.of());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Simulation.of(spec));
    assertEquals("sensor id temp is declared more than once", e.getMessage());
  }

  @Test
  void aRunLongerThanTheSupportedSampleCountIsRejected() {
    SimulationSpec spec = new SimulationSpec(1, 2_000_000_000 * S, List.of(ACCEL), List.of());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Simulation.of(spec));
    assertEquals("sensor accel: 2000000000000 samples at 1000 Hz exceed the supported 1099511627776 (2^40) per"
        + " sensor; shorten the duration or lower the rate", e.getMessage());
  }

  @Test
  void anOutOfRangeSeekRangeIsRejected() {
    SensorStream temp = Simulation.of(SPEC).sensor("temp").orElseThrow();
    IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> temp.readings(10, 76));
    assertEquals("sensor temp: range [10, 76) is not within [0, 75)", e.getMessage());
  }

  private static SimulationSpec withFaults(FaultSpec... faults) {
    return new SimulationSpec(SPEC.seed(), SPEC.durationNs(), SPEC.sensors(), List.of(faults));
  }

  private static List<Reading> all(SimulationSpec spec) {
    List<Reading> out = new ArrayList<>();
    Simulation.of(spec).readings().forEachRemaining(out::add);
    return out;
  }

  private static List<SensorStream> sensors(Simulation simulation) {
    return Stream.of("accel", "beacon", "temp").map(id -> simulation.sensor(id).orElseThrow()).toList();
  }

  private static List<Long> times(Simulation simulation, String id, int n) {
    return simulation.sensor(id).orElseThrow().readings().limit(n).map(Reading::timeNs).toList();
  }

  private static Reading last(Simulation simulation, String id) {
    return simulation.sensor(id).orElseThrow().readings().reduce((a, b) -> b).orElseThrow();
  }

  private static void write(DataOutputStream out, Reading r) {
    try {
      out.write(r.sensor().getBytes(StandardCharsets.UTF_8));
      out.writeLong(r.index());
      out.writeLong(r.timeNs());
      out.writeLong(r.stampNs());
      for (double value : r.values()) {
        out.writeLong(Double.doubleToRawLongBits(value));
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
