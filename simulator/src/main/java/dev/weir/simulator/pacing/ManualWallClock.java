package dev.weir.simulator.pacing;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link WallClock} that moves only when told to, for tests: sleeping jumps straight to the
 * wake-up time and records it, so a test can assert when something would have been released.
 * Not thread-safe.
 */
public final class ManualWallClock implements WallClock {

  private long nowNs;
  private final List<Long> sleeps = new ArrayList<>();

  /** A clock reading {@code startNs}. */
  public ManualWallClock(long startNs) {
    this.nowNs = startNs;
  }

  @Override
  public long nanoTime() {
    return nowNs;
  }

  /** Jumps to {@code nanoTime} if that is later, and records the request. */
  @Override
  public void sleepUntil(long nanoTime) {
    sleeps.add(nanoTime);
    nowNs = Math.max(nowNs, nanoTime);
  }

  /** Moves the clock forward by {@code nanos}, as if work took that long. */
  public void advance(long nanos) {
    if (nanos < 0) {
      throw new IllegalArgumentException("a clock cannot go back: advance(" + nanos + ")");
    }
    nowNs += nanos;
  }

  /** Every time passed to {@link #sleepUntil}, in call order; never null, possibly empty. */
  public List<Long> sleeps() {
    return List.copyOf(sleeps);
  }
}
