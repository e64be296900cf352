package dev.weir.simulator.stream;

/**
 * Simulated time in integer nanoseconds from the start of a run; it only moves forward.
 *
 * <p>Virtual time is what readings are ordered by and what makes a run reproducible: nothing in
 * the simulator reads the wall clock. The scheduler advances a clock to each reading's emission
 * time as it hands the reading out, so a consumer can ask "what time is it in the run?".
 */
public final class VirtualClock {

  private long nowNs;

  /** The current virtual time; 0 before the first reading. */
  public long nowNs() {
    return nowNs;
  }

  /**
   * Moves the clock to {@code timeNs}.
   *
   * @throws IllegalStateException if {@code timeNs} is earlier than now
   */
  public void advanceTo(long timeNs) {
    if (timeNs < nowNs) {
      throw new IllegalStateException("virtual time cannot go back from " + nowNs + "ns to " + timeNs + "ns");
    }
    nowNs = timeNs;
  }
}
