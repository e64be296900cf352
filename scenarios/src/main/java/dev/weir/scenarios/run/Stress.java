package dev.weir.scenarios.run;

/**
 * Load that weir puts on the machine while runs execute ({@code --stress}), so that a verdict is
 * shown to hold on a busy machine, such as a 2-core CI runner shared with other jobs, and not only
 * on an idle desk. Written as a spec of comma-separated {@code key=value} pairs so that other kinds
 * of load can join later; today there is one: {@code cpu=N}, N {@link BusyThreads}.
 *
 * @param cpu how many busy threads, 1 or more
 */
public record Stress(int cpu) {

  private static final String EXPECTED =
      "expected cpu=N with N 1 or more (N busy threads), such as cpu=4";

  public Stress {
    if (cpu < 1) {
      throw new IllegalArgumentException(EXPECTED);
    }
  }

  /**
   * Reads a spec such as {@code cpu=4}.
   *
   * @throws IllegalArgumentException saying what was expected
   */
  public static Stress parse(String spec) {
    Integer cpu = null;
    for (String pair : spec.split(",", -1)) {
      int equals = pair.indexOf('=');
      if (equals < 0 || !pair.substring(0, equals).equals("cpu") || cpu != null) {
        throw new IllegalArgumentException(EXPECTED);
      }
      try {
        cpu = Integer.parseInt(pair.substring(equals + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(EXPECTED, e);
      }
    }
    return new Stress(cpu);
  }

  /** {@code 4 busy threads (cpu=4)}. */
  public String describe() {
    return cpu + (cpu == 1 ? " busy thread (" : " busy threads (") + this + ")";
  }

  /** The spec: {@code cpu=4}. */
  @Override
  public String toString() {
    return "cpu=" + cpu;
  }
}
