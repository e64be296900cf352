package dev.weir.harness.check;

/**
 * What the backpressure checker finds wrong with a stream. Declared from the most to the least
 * specific: when two findings name the same event, the earlier one is reported first.
 */
enum BackpressureDefect implements Defect {
  /** A drop by a window policy other than the declared one, or any window drop under block. */
  POLICY_VIOLATED("policy-violated"),
  /** More messages in flight at a send than the declared bound. */
  OVER_WINDOW("over-window"),
  /** More payload bytes in flight at a send than the declared bound. */
  OVER_BYTES("over-bytes"),
  /** Under latest-only, an ended stream's last message was never consumed. */
  NEWEST_NOT_DELIVERED("newest-not-delivered"),
  /** An ended stream has messages that were neither consumed nor dropped. */
  UNACCOUNTED("unaccounted"),
  /** A drop by the declared policy: allowed, shown as NON-STRICT. */
  DROPPED("dropped");

  private final String label;

  BackpressureDefect(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public boolean allowed() {
    return this == DROPPED;
  }
}
