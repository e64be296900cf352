package dev.weir.simulator.pacing;

import java.util.concurrent.locks.LockSupport;

/**
 * The real-time clock pacing waits on, named so it can be replaced (after Kafka's {@code Time}).
 *
 * <p>{@link #SYSTEM} is {@link System#nanoTime()}; tests use {@link ManualWallClock}, where waiting
 * only moves the clock, so no test ever sleeps.
 */
public interface WallClock {

  /** The JVM's monotonic clock. */
  WallClock SYSTEM = new WallClock() {
    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public void sleepUntil(long nanoTime) throws InterruptedException {
      for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
        LockSupport.parkNanos(left);
        if (Thread.interrupted()) {
          throw new InterruptedException("interrupted while pacing, " + left + "ns before release");
        }
      }
    }
  };

  /** Monotonic nanoseconds from an arbitrary origin, like {@link System#nanoTime()}. */
  long nanoTime();

  /** Returns once {@link #nanoTime()} has reached {@code nanoTime}; at once if it already has. */
  void sleepUntil(long nanoTime) throws InterruptedException;
}
