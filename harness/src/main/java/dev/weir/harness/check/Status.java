package dev.weir.harness.check;

import java.util.Arrays;

/**
 * How a check came out. The four outcomes of a conformance case (as in Autobahn's reports): a run
 * either met the declared behaviour strictly, met it with deviations the declaration allows, broke
 * it, or was only measured.
 */
public enum Status {
  /** Everything as declared. */
  OK("OK"),
  /** Passed, with deviations the declared behaviour allows (losses a drop policy accounts for). */
  NON_STRICT("NON-STRICT"),
  /** The declared behaviour was broken; the verdict names the first violation. */
  FAILED("FAILED"),
  /** Measured, not judged (throughput, latency). */
  INFORMATIONAL("INFORMATIONAL");

  private final String label;

  Status(String label) {
    this.label = label;
  }

  /** The name in reports and JSON: upper case, words joined by {@code -}. */
  public String label() {
    return label;
  }

  /**
   * The status whose {@link #label()} is {@code label}, for readers of files weir wrote.
   *
   * @throws IllegalArgumentException naming the labels there are
   */
  public static Status ofLabel(String label) {
    for (Status status : values()) {
      if (status.label.equals(label)) {
        return status;
      }
    }
    throw new IllegalArgumentException("unknown status \"" + label + "\"; expected one of "
        + Arrays.stream(values()).map(Status::label).toList());
  }

  /** True for every status but {@link #FAILED}: what a build's exit code turns on. */
  public boolean passed() {
    return this != FAILED;
  }

  /** FAILED when something failed, else NON-STRICT when an allowed deviation was found, else OK. */
  static Status judged(boolean failed, boolean deviated) {
    return failed ? FAILED : deviated ? NON_STRICT : OK;
  }
}
