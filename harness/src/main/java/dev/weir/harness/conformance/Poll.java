package dev.weir.harness.conformance;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/** Waiting on a live run: for a condition, or for activity to die down. Polls every 5 ms. */
final class Poll {

  private static final long STEP_NS = TimeUnit.MILLISECONDS.toNanos(5);

  private Poll() {}

  /**
   * Returns once {@code condition} holds.
   *
   * @throws IllegalStateException naming {@code what} when it does not within {@code timeout}
   */
  static void until(BooleanSupplier condition, Duration timeout, Supplier<String> what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException(
            "Expected " + what.get() + " within " + timeout.toMillis() + " ms; it did not happen");
      }
      LockSupport.parkNanos(STEP_NS);
    }
  }

  /** Waits until {@code condition} holds or {@code atMost} has passed; true if it held. */
  static boolean atMost(BooleanSupplier condition, Duration atMost) {
    long deadline = System.nanoTime() + atMost.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      LockSupport.parkNanos(STEP_NS);
    }
    return true;
  }

  /**
   * Waits until {@code done} holds, or {@code atLeast} has passed and {@code progress} has not
   * changed for {@code idle} since, or {@code atMost} has passed; true if it held. How long a
   * stream takes is not always known (as fast as a page takes it), but one that still moves is
   * not stuck.
   */
  static boolean whileProgressing(BooleanSupplier done, LongSupplier progress, Duration atLeast,
      Duration idle, Duration atMost) {
    long start = System.nanoTime();
    long last = progress.getAsLong();
    long since = start;
    while (!done.getAsBoolean()) {
      long now = System.nanoTime();
      long moved = progress.getAsLong();
      if (moved != last) {
        last = moved;
        since = now;
      }
      boolean stuck = now - start >= atLeast.toNanos() && now - since >= idle.toNanos();
      if (stuck || now - start >= atMost.toNanos()) {
        return false;
      }
      LockSupport.parkNanos(STEP_NS);
    }
    return true;
  }

  /**
   * Returns once {@code progress} has not changed for {@code still}, or after {@code atMost} (a
   * run that never goes quiet, like a producer that was never stopped, is the checkers' to judge).
   */
  static void quiet(LongSupplier progress, Duration still, Duration atMost) {
    long deadline = System.nanoTime() + atMost.toNanos();
    long last = progress.getAsLong();
    long since = System.nanoTime();
    while (System.nanoTime() - deadline < 0) {
      LockSupport.parkNanos(STEP_NS);
      long now = progress.getAsLong();
      if (now != last) {
        last = now;
        since = System.nanoTime();
      } else if (System.nanoTime() - since >= still.toNanos()) {
        return;
      }
    }
  }
}
