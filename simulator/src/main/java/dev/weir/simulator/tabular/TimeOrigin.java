package dev.weir.simulator.tabular;

/** Where imported times start. */
public enum TimeOrigin {
  /** Times are the file's timestamps converted to nanoseconds, unchanged: lossless, used for weir's own CSV. */
  ABSOLUTE,
  /**
   * The first row's timestamp is time 0 and every time (and sensor stamp) is shifted by the same amount, so a field
   * log with wall-clock timestamps replays from the start of virtual time.
   */
  FIRST_ROW
}
