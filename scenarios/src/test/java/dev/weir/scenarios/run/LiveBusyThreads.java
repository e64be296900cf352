package dev.weir.scenarios.run;

import java.util.List;

/** The {@link BusyThreads} alive in this JVM, for tests that check none outlives its runs. */
public final class LiveBusyThreads {

  private LiveBusyThreads() {}

  public static List<Thread> list() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("weir-busy-")).toList();
  }
}
