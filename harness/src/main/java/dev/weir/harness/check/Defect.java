package dev.weir.harness.check;

/**
 * What each checker's defect enum shares: its name in a {@link Violation}, and whether the
 * declaration allows it. Each enum is declared from the most to the least specific, so {@link
 * EarliestFinding} breaks a tie between two findings at one event by the lower ordinal.
 */
interface Defect {

  /** The defect's name in a {@link Violation}, such as {@code out-of-order}. */
  String label();

  /**
   * True for a deviation the declaration allows (the verdict is then {@link Status#NON_STRICT});
   * every other defect fails the check.
   */
  default boolean allowed() {
    return false;
  }
}
