package dev.weir.simulator.pacing;

import dev.weir.simulator.stream.Reading;
import java.util.Iterator;
import java.util.concurrent.CancellationException;

/**
 * Releases readings on the wall clock in step with their virtual time.
 *
 * <p>Reading {@code r} is released at {@code wallStart + (r.timeNs() - virtualStart) / speed},
 * where {@code wallStart} is the clock's time when {@link #pace} is called. Pacing only waits: the
 * readings that come out are the readings that went in, in the same order. A consumer slower
 * than the pace falls behind and readings are then released at once, never skipped.
 */
public final class Pacer {

  private final Speed speed;
  private final WallClock clock;

  private Pacer(Speed speed, WallClock clock) {
    this.speed = speed;
    this.clock = clock;
  }

  /** A pacer at {@code speed} on {@code clock}. */
  public static Pacer of(Speed speed, WallClock clock) {
    return new Pacer(speed, clock);
  }

  /**
   * {@code readings} paced from now; {@code virtualStartNs} is released immediately, usually 0.
   * {@link Iterator#next()} blocks until the reading's release time; if the thread is interrupted
   * while waiting it keeps its interrupt status and {@code next()} throws {@link CancellationException}.
   */
  public Iterator<Reading> pace(Iterator<Reading> readings, long virtualStartNs) {
    long wallStartNs = clock.nanoTime();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return readings.hasNext();
      }

      @Override
      public Reading next() {
        Reading reading = readings.next();
        if (!speed.isMax()) {
          awaitRelease(wallStartNs + speed.wallNanos(reading.timeNs() - virtualStartNs), reading);
        }
        return reading;
      }
    };
  }

  private void awaitRelease(long releaseNs, Reading reading) {
    try {
      clock.sleepUntil(releaseNs);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      CancellationException cancelled = new CancellationException("pacing interrupted before releasing " + reading);
      cancelled.initCause(e);
      throw cancelled;
    }
  }
}
