package dev.weir.harness.conformance;

import java.util.ArrayList;
import java.util.List;

/** The built-in conformance cases, in the order reports list them. */
public final class Cases {

  /** The checkers the cases exercise, in report order. */
  public static final List<String> CHECKERS =
      List.of("ordering", "cleanup", "backpressure", "reconnect", "buffer");

  private Cases() {}

  /** Every built-in case. */
  public static List<ConformanceCase> all() {
    List<ConformanceCase> cases = new ArrayList<>();
    cases.add(new OrderingCase());
    cases.add(new CleanupCase());
    cases.add(new BackpressureCase());
    cases.addAll(ReconnectCase.ALL);
    cases.add(new BufferCase());
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
