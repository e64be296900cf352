package dev.weir.harness.check;

/**
 * What the cleanup checker finds wrong after a stream closed. Each defect is shown by a different
 * kind of event, so two never name the same one.
 */
enum CleanupDefect implements Defect {
  /** The frontend reported closing, but the transport never closed or ended the stream. */
  NEVER_CLOSED("never-closed", "never-closed"),
  /** A send later than the stop bound after the stream closed. */
  KEPT_PRODUCING("kept-producing", "sends-after-close"),
  /** A page delivery later than the stop bound after the page unsubscribed. */
  DELIVERED_AFTER_CLOSE("delivered-after-close", "deliveries-after-close"),
  /** A message handed to the application after the frontend reported closing. */
  CONSUMED_AFTER_CLOSE("consumed-after-close", "consumes-after-close"),
  /** A gauge sample above its baseline by more than its tolerance. */
  NOT_AT_BASELINE("not-at-baseline", "gauges-over-baseline");

  private final String label;
  private final String countName;

  CleanupDefect(String label, String countName) {
    this.label = label;
    this.countName = countName;
  }

  @Override
  public String label() {
    return label;
  }

  /** The name of its count in the verdict. */
  String countName() {
    return countName;
  }
}
