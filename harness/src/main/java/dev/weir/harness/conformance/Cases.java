package dev.weir.harness.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * The built-in conformance cases, suite v1, in the order reports list them: ids numbered by
 * property ({@code 1.x} ordering, {@code 2.x} cleanup, {@code 3.x} backpressure, {@code 4.x}
 * reconnect, {@code 5.x} buffer, {@code 6.x} throughput and latency), stable across releases (a
 * changed case gets a new number). The table is in {@code docs/conformance.md}.
 */
public final class Cases {

  /**
   * The checkers the cases exercise, in report order: numbered 1 to 6 in case ids. The last two
   * measure and never fail (their verdicts are INFORMATIONAL).
   */
  public static final List<String> CHECKERS =
      List.of("ordering", "cleanup", "backpressure", "reconnect", "buffer", "throughput", "latency");

  private Cases() {}

  /** Every built-in case. */
  public static List<ConformanceCase> all() {
    List<ConformanceCase> cases = new ArrayList<>();
    cases.addAll(OrderingCase.ALL);
    cases.add(new CleanupCase());
    cases.addAll(BackpressureCase.ALL);
    cases.addAll(ReconnectCase.ALL);
    cases.add(new BufferCase());
    cases.addAll(MeasureCase.ALL);
    return List.copyOf(cases);
  }

  /**
   * The cases that exercise {@code checker}.
   *
   * @throws IllegalArgumentException when it is not one of {@link #CHECKERS}
   */
  public static List<ConformanceCase> forChecker(String checker) {
    if (!CHECKERS.contains(checker)) {
      throw new IllegalArgumentException(
          "Unknown checker '" + checker + "': expected one of " + String.join(", ", CHECKERS));
    }
    return all().stream().filter(c -> c.checker().equals(checker)).toList();
  }
}
