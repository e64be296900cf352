package dev.weir.scenarios.run;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The conditions a command's runs go under, from right before the first run to right after the
 * last: {@link #start} reads the load average and starts the {@link BusyThreads} a {@link Stress}
 * asks for (none without one); {@link #conditions} reads the load average again, as the end's.
 * Closing stops the threads: opened in a try-with-resources around the runs, they stop however the
 * runs end.
 *
 * <p>The load average is the JVM's {@code getSystemLoadAverage()}: on Linux the kernel's 1-minute
 * figure, the one {@code /proc/loadavg} shows first ({@link Conditions.LoadAverage} rounds it as the
 * kernel does there); it is also given where there is no such file (macOS), and none is where the
 * system has no load average (Windows).
 */
public final class RunConditions implements AutoCloseable {

  private final Optional<Stress> stress;
  private final Optional<BigDecimal> loadAtStart;
  private final BusyThreads busy;

  private RunConditions(Optional<Stress> stress) {
    this.stress = stress;
    this.loadAtStart = loadAverage();
    this.busy = BusyThreads.start(stress.map(Stress::cpu).orElse(0));
  }

  /** Reads the load average, then starts the stress asked for. */
  public static RunConditions start(Optional<Stress> stress) {
    return new RunConditions(stress);
  }

  /** The stress, and the load average at the start and now: call it when the last run is done. */
  public Conditions conditions() {
    Optional<BigDecimal> loadAtEnd = loadAverage();
    return new Conditions(stress, loadAtStart.flatMap(start ->
        loadAtEnd.map(end -> new Conditions.LoadAverage(start, end))));
  }

  /** Stops the busy threads, waiting until they have ended. */
  @Override
  public void close() {
    busy.close();
  }

  private static Optional<BigDecimal> loadAverage() {
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return load < 0 ? Optional.empty() : Optional.of(BigDecimal.valueOf(load));
  }
}
