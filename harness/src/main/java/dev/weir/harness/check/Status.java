package dev.weir.harness.check;

import java.util.Arrays;

/**
 * How a check came out. The outcomes of a conformance case (as in Autobahn's reports): a run either
 * met the declared behaviour strictly, met it with deviations the declaration allows, broke it, was
 * only measured, or could not be judged. A green build must mean the thing was judged, so a check
 * that had nothing to judge, or a run that never completed, is {@link #INCONCLUSIVE}: not a pass.
 */
public enum Status {
  /** Everything as declared. */
  OK("OK"),
  /** Passed, with deviations the declared behaviour allows (losses a drop policy accounts for). */
  NON_STRICT("NON-STRICT"),
  /** The declared behaviour was broken; the verdict names the first violation. */
  FAILED("FAILED"),
  /** Measured, not judged (throughput, latency). */
  INFORMATIONAL("INFORMATIONAL"),
  /**
   * Could not be judged: nothing to judge (nothing sent, no connection lost), a run that did not
   * complete (its producer never reached its end), a measurement the check needed and did not get.
   * The summary says why. Not a pass, unless a run allows it explicitly.
   */
  INCONCLUSIVE("INCONCLUSIVE");

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

  /**
   * True for every status but {@link #FAILED} and {@link #INCONCLUSIVE}: what a build's exit code
   * turns on.
   */
  public boolean passed() {
    return this != FAILED && this != INCONCLUSIVE;
  }

  /**
   * FAILED when something failed, else INCONCLUSIVE when nothing could be judged, else NON-STRICT
   * when an allowed deviation was found, else OK.
   */
  static Status judged(boolean failed, boolean deviated, boolean unjudged) {
    return failed ? FAILED : unjudged ? INCONCLUSIVE : deviated ? NON_STRICT : OK;
  }
}
