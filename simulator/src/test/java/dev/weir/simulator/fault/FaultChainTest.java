package dev.weir.simulator.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.simulator.random.CounterRandom;
import dev.weir.simulator.random.RandomKey;
import dev.weir.simulator.spec.FaultSpec;
import dev.weir.simulator.spec.Rate;
import dev.weir.simulator.spec.SensorSpec;
import dev.weir.simulator.spec.SignalSpec;
import dev.weir.simulator.spec.SimulationSpec;
import dev.weir.simulator.stream.Reading;
import dev.weir.simulator.stream.Simulation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Each fault against a 10 Hz counter sensor "s" whose value is its index, over 5 s (indices
 * 0..49). The window [2 s, 3 s) holds exactly indices 20..29.
 */
class FaultChainTest {

  private static final long SEED = 7;
  private static final long S = 1_000_000_000L;
  private static final long AT = 2 * S;
  private static final long FOR = S;
  private static final SensorSpec COUNTER = new SensorSpec("s", new Rate(10, 1), List.of("a", "b"), "", "",
      new SignalSpec.Counter(new double[] {0, 0}, new double[] {1, 1}));
  private static final SensorSpec OTHER = new SensorSpec("t", new Rate(10, 1), List.of("a"), "", "",
      new SignalSpec.Constant(new double[] {5}));

  @Test
  void certainDropoutRemovesExactlyTheSamplesInTheWindow() {
    List<Reading> out = run(fault(new FaultSpec.Dropout(1)));
    assertEquals(indices(0, 20, 30, 50), out.stream().mapToLong(Reading::index).boxed().toList());
    out.forEach(FaultChainTest::assertClean);
  }

  @Test
  void partialDropoutRemovesTheSeededSelectionInTheWindowOnly() {
    List<Long> expected = new ArrayList<>();
    for (long i = 0; i < 50; i++) {
      if (!inWindow(i) || !seededHit(i, 0.5)) {
        expected.add(i);
      }
    }
    List<Long> kept = run(fault(new FaultSpec.Dropout(0.5))).stream().map(Reading::index).toList();
    assertEquals(expected, kept);
    assertTrue(kept.size() > 40 && kept.size() < 50, "0.5 of 10 window samples should drop some, not all: " + kept);
  }

  @Test
  void burstHoldsTheWindowsReadingsAndEmitsThemAtItsEndWithTheirOwnStamps() {
    List<Reading> out = run(fault(new FaultSpec.Burst()));
    assertEquals(50, out.size());
    for (Reading r : out) {
      long t = COUNTER.rate().timeOf(r.index());
      assertEquals(inWindow(r.index()) ? AT + FOR : t, r.timeNs(), "timeNs of " + r);
      assertEquals(t, r.stampNs(), "stampNs of " + r);
    }
    assertEquals(indices(0, 50), out.stream().map(Reading::index).toList());
  }

  @Test
  void burstLastingPastTheRunIsReleasedAtTheEndOfTheRun() {
    List<Reading> out = run(new FaultSpec(AT, FaultSpec.UNTIL_END, List.of("s"), new FaultSpec.Burst()));
    assertEquals(5 * S, out.get(49).timeNs());
    assertEquals(5 * S, out.get(20).timeNs());
    assertEquals(COUNTER.rate().timeOf(19), out.get(19).timeNs());
  }

  @Test
  void duplicatesAreExactCopiesRightAfterTheOriginalForTheSeededSelection() {
    List<Reading> out = run(fault(new FaultSpec.Duplicate(0.5)));
    long expectedCopies = LongStream.range(20, 30).filter(i -> seededHit(i, 0.5)).count();
    assertTrue(expectedCopies > 0 && expectedCopies < 10, "seed should give a partial selection: " + expectedCopies);
    assertEquals(50 + expectedCopies, out.size());
    for (int k = 1; k < out.size(); k++) {
      Reading previous = out.get(k - 1);
      if (out.get(k).index() == previous.index()) {
        assertEquals(previous, out.get(k));
        assertTrue(inWindow(previous.index()), "duplicate outside the window: " + previous);
      }
    }
  }

  @Test
  void jitterMovesOnlyStampsInTheWindowByTheDeclaredStddev() {
    SensorSpec fast = new SensorSpec("s", new Rate(10_000, 1), List.of("a"), "", "",
        new SignalSpec.Constant(new double[] {1}));
    SimulationSpec spec = new SimulationSpec(SEED, 5 * S, List.of(fast), List.of(fault(new FaultSpec.Jitter(1000))));
    double sum = 0;
    double sumSq = 0;
    int n = 0;
    for (Reading r : Simulation.of(spec).sensor("s").orElseThrow().readings().toList()) {
      assertEquals(fast.rate().timeOf(r.index()), r.timeNs());
      long shift = r.stampNs() - r.timeNs();
      if (!spec.faults().get(0).activeAt(r.timeNs())) {
        assertEquals(0, shift, "stamp shifted outside the window: " + r);
        continue;
      }
      sum += shift;
      sumSq += (double) shift * shift;
      n++;
    }
    assertEquals(10_000, n);
    assertEquals(0, sum / n, 30);
    assertEquals(1000, Math.sqrt(sumSq / n), 30);
  }

  @Test
  void driftGainsPpmOfTheElapsedWindowTimeAndKeepsTheOffsetAfterIt() {
    for (Reading r : run(fault(new FaultSpec.Drift(100)))) {
      long t = COUNTER.rate().timeOf(r.index());
      long expected = t < AT ? 0 : (Math.min(t, AT + FOR) - AT) / 10_000; // 100 ppm = 1/10^4
      assertEquals(t + expected, r.stampNs(), "stamp of " + r);
      assertEquals(t, r.timeNs());
    }
  }

  @Test
  void skewOffsetsStampsInTheWindowOnly() {
    for (Reading r : run(fault(new FaultSpec.Skew(-5000)))) {
      assertEquals(r.timeNs() + (inWindow(r.index()) ? -5000 : 0), r.stampNs(), "stamp of " + r);
    }
  }

  @Test
  void stuckFreezesValuesAtTheLastSampleBeforeTheWindow() {
    for (Reading r : run(fault(new FaultSpec.Stuck()))) {
      double expected = inWindow(r.index()) ? 19 : r.index();
      assertEquals(List.of(expected, expected), Arrays.stream(r.values()).boxed().toList(), "values of " + r);
    }
  }

  @Test
  void stuckFromTheStartFreezesAtTheFirstSample() {
    List<Reading> out = run(new FaultSpec(0, FOR, List.of(), new FaultSpec.Stuck()));
    assertEquals(0.0, out.get(9).values()[0]);
    assertEquals(10.0, out.get(10).values()[0]);
  }

  @Test
  void outOfRangeAndNanReplaceEveryChannelInTheWindow() {
    for (Reading r : run(fault(new FaultSpec.OutOfRange(1, 999)))) {
      assertEquals(inWindow(r.index()) ? 999 : r.index(), r.values()[1], "values of " + r);
    }
    for (Reading r : run(fault(new FaultSpec.NotANumber(1)))) {
      assertEquals(inWindow(r.index()), Double.isNaN(r.values()[0]) && Double.isNaN(r.values()[1]), "values of " + r);
    }
  }

  @Test
  void faultsSparedSensorsAreUntouched() {
    SimulationSpec spec = new SimulationSpec(SEED, 5 * S, List.of(COUNTER, OTHER),
        List.of(new FaultSpec(AT, FOR, List.of("s"), new FaultSpec.Dropout(1))));
    assertEquals(50, Simulation.of(spec).sensor("t").orElseThrow().readings().count());
  }

  @Test
  void appendingAFaultLeavesTheEarlierFaultsDrawsUnchanged() {
    FaultSpec dropout = fault(new FaultSpec.Dropout(0.5));
    List<Reading> alone = run(dropout);
    List<Reading> withAnother = run(dropout, new FaultSpec(0, FOR, List.of("s"), new FaultSpec.Skew(1)));
    assertEquals(alone.stream().map(Reading::index).toList(), withAnother.stream().map(Reading::index).toList());
  }

  @Test
  void aProbabilityOutsideTheUnitIntervalIsRejectedWithTheFaultsPosition() {
    SimulationSpec spec = new SimulationSpec(SEED, 5 * S, List.of(COUNTER),
        List.of(fault(new FaultSpec.Skew(1)), fault(new FaultSpec.Dropout(1.5))));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Simulation.of(spec));
    assertEquals("faults[1] (dropout): probability must be in [0, 1]: 1.5", e.getMessage());
  }

  @Test
  void anEmptyWindowIsRejected() {
    SimulationSpec spec = new SimulationSpec(SEED, 5 * S, List.of(COUNTER),
        List.of(new FaultSpec(AT, 0, List.of(), new FaultSpec.Burst())));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Simulation.of(spec));
    assertEquals("faults[0]: needs at >= 0 and for > 0, got at=2000000000ns for=0ns", e.getMessage());
  }

  private static FaultSpec fault(FaultSpec.Kind kind) {
    return new FaultSpec(AT, FOR, List.of(), kind);
  }

  private static List<Reading> run(FaultSpec... faults) {
    SimulationSpec spec = new SimulationSpec(SEED, 5 * S, List.of(COUNTER), List.of(faults));
    return Simulation.of(spec).sensor("s").orElseThrow().readings().toList();
  }

  private static boolean inWindow(long index) {
    return index >= 20 && index < 30;
  }

  /** The documented keying of fault 0's per-reading draws, computed independently of the chain. */
  private static boolean seededHit(long index, double probability) {
    return CounterRandom.of(SEED, RandomKey.of("s", "fault/0", 0)).uniform(index) < probability;
  }

  private static List<Long> indices(long... bounds) {
    List<Long> out = new ArrayList<>();
    for (int k = 0; k < bounds.length; k += 2) {
      LongStream.range(bounds[k], bounds[k + 1]).forEach(out::add);
    }
    return out;
  }

  private static void assertClean(Reading r) {
    long t = COUNTER.rate().timeOf(r.index());
    assertEquals(new Reading("s", r.index(), t, t, new double[] {r.index(), r.index()}), r);
  }
}
