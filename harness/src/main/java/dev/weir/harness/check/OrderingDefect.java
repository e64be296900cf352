package dev.weir.harness.check;

/**
 * What the ordering checker finds wrong with a message. Declared from the most to the least
 * specific: when two findings name the same event (a lost message is also stalled), the earlier one
 * is reported first.
 */
enum OrderingDefect implements Defect {
  /** A sequence sent twice. */
  RESENT("resent", "resent"),
  /** A sequence that arrived but was never sent. */
  PHANTOM("phantom", "phantom"),
  /** A sequence that arrived more than once (counted once per message). */
  DUPLICATE("duplicate", "duplicated"),
  /** An arrival lower than one that already arrived. */
  OUT_OF_ORDER("out-of-order", "out-of-order"),
  /** Sent, never arrived, and no drop accounts for it. */
  LOST("lost", "lost"),
  /** Arrived (or, never arriving, still waited) longer than the stall bound after its send. */
  STALL("stall", "stalled"),
  /** Sent and never arrived, but a drop event accounts for it: allowed, shown as NON-STRICT. */
  ALLOWED_LOST("allowed-lost", "allowed-lost");

  private final String label;
  private final String countName;

  OrderingDefect(String label, String countName) {
    this.label = label;
    this.countName = countName;
  }

  @Override
  public String label() {
    return label;
  }

  /** The name of its count and fraction in the verdict. */
  String countName() {
    return countName;
  }

  @Override
  public boolean allowed() {
    return this == ALLOWED_LOST;
  }
}
