package dev.weir.simulator.pacing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.simulator.spec.Rate;
import dev.weir.simulator.spec.SensorSpec;
import dev.weir.simulator.spec.SignalSpec;
import dev.weir.simulator.spec.SimulationSpec;
import dev.weir.simulator.stream.Reading;
import dev.weir.simulator.stream.Simulation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class PacerTest {

  private static final long WALL_START = 5_000;
  private static final List<Reading> READINGS = List.of(reading(0, 0), reading(1, 250_000_000L),
      reading(2, 250_000_000L), reading(3, 1_000_000_000L));

  @Test
  void realTimeReleasesEachReadingAtItsVirtualOffsetFromTheStart() {
    ManualWallClock clock = new ManualWallClock(WALL_START);
    assertEquals(READINGS, drain(Pacer.of(Speed.REAL_TIME, clock).pace(READINGS.iterator(), 0)));
    assertEquals(List.of(WALL_START, WALL_START + 250_000_000L, WALL_START + 250_000_000L,
        WALL_START + 1_000_000_000L), clock.sleeps());
  }

  @Test
  void pacingASimulationReleasesExactlyItsReadings() {
    SimulationSpec spec = new SimulationSpec(3, 2_000_000_000L, List.of(new SensorSpec("n", new Rate(3, 1),
        List.of("v"), "", "", new SignalSpec.GaussianNoise(new double[] {0}, new double[] {1}))), List.of());
    ManualWallClock clock = new ManualWallClock(WALL_START);
    List<Reading> paced = drain(Pacer.of(Speed.parse("20x"), clock).pace(Simulation.of(spec).readings(), 0));
    assertEquals(drain(Simulation.of(spec).readings()), paced);
    assertEquals(paced.stream().map(r -> WALL_START + r.timeNs() / 20).toList(), clock.sleeps());
  }

  @Test
  void scaledSpeedDividesTheOffsetsAndCountsFromTheVirtualStart() {
    ManualWallClock clock = new ManualWallClock(WALL_START);
    assertEquals(READINGS.subList(1, 4), drain(Pacer.of(Speed.parse("20x"), clock)
        .pace(READINGS.subList(1, 4).iterator(), 250_000_000L)));
    assertEquals(List.of(WALL_START, WALL_START, WALL_START + 37_500_000L), clock.sleeps());
  }

  @Test
  void slowMotionStretchesTheOffsets() {
    ManualWallClock clock = new ManualWallClock(WALL_START);
    drain(Pacer.of(Speed.parse("0.5x"), clock).pace(READINGS.iterator(), 0));
    assertEquals(WALL_START + 2_000_000_000L, clock.sleeps().get(3));
  }

  @Test
  void maxSpeedNeverWaitsAndKeepsTheContent() {
    ManualWallClock clock = new ManualWallClock(WALL_START);
    assertEquals(READINGS, drain(Pacer.of(Speed.MAX, clock).pace(READINGS.iterator(), 0)));
    assertEquals(List.of(), clock.sleeps());
  }

  @Test
  void aConsumerThatFallsBehindIsNotMadeToWaitAgain() {
    ManualWallClock clock = new ManualWallClock(WALL_START);
    Iterator<Reading> paced = Pacer.of(Speed.REAL_TIME, clock).pace(READINGS.iterator(), 0);
    paced.next();
    clock.advance(2_000_000_000L); // the consumer took two seconds over the first reading
    paced.next();
    assertEquals(WALL_START + 2_000_000_000L, clock.nanoTime());
  }

  @Test
  void interruptionWhileWaitingCancelsAndKeepsTheInterruptStatus() {
    WallClock interrupted = new WallClock() {
      @Override
      public long nanoTime() {
        return 0;
      }

      @Override
      public void sleepUntil(long nanoTime) throws InterruptedException {
        throw new InterruptedException();
      }
    };
    Iterator<Reading> paced = Pacer.of(Speed.REAL_TIME, interrupted).pace(READINGS.iterator(), 0);
    CancellationException e = assertThrows(CancellationException.class, paced::next);
    assertEquals("pacing interrupted before releasing " + READINGS.get(0), e.getMessage());
    assertTrue(Thread.interrupted());
  }

  private static List<Reading> drain(Iterator<Reading> readings) {
    List<Reading> out = new ArrayList<>();
    readings.forEachRemaining(out::add);
    return out;
  }

  private static Reading reading(long index, long timeNs) {
    return new Reading("s", index, timeNs, timeNs, new double[] {index});
  }
}
