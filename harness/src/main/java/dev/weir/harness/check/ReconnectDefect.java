package dev.weir.harness.check;

/**
 * What the reconnect checker finds wrong with a stream's reconnection. Declared from the most to
 * the least specific: when two findings name the same event, the earlier one is reported.
 */
enum ReconnectDefect {
  /** An attempt after the page reported it had given up. */
  RETRY_AFTER_GIVE_UP("retry-after-give-up", "retry_after_give_up"),
  /** An attempt beyond the policy's maxAttempts. */
  TOO_MANY_ATTEMPTS("too-many-attempts", "too_many_attempts"),
  /** An attempt sooner than its envelope allows: a retry storm. */
  TOO_EARLY("too-early", "too_early"),
  /** An attempt later than a capped envelope allows: the cap is not applied. */
  ABOVE_CAP("above-cap", "above_cap"),
  /** An attempt later than its envelope allows. */
  TOO_LATE("too-late", "too_late"),
  /** The attempts ran out and the page never reported giving up. */
  GIVE_UP_NOT_VISIBLE("give-up-not-visible", "give_up_not_visible"),
  /** Every widely jittered delay came at its envelope's top: the declared jitter is not applied. */
  NO_JITTER("no-jitter", "no_jitter"),
  /** The first message consumed after a reconnection skipped some. */
  RESUME_LOST("resume-lost", "resume_lost"),
  /** The first message consumed after a reconnection had been consumed before. */
  RESUME_REPEATED("resume-repeated", "resume_repeated");

  private final String label;
  private final String countName;

  ReconnectDefect(String label, String countName) {
    this.label = label;
    this.countName = countName;
  }

  /** The defect's name in a {@link Violation}. */
  String label() {
    return label;
  }

  /** The name of its count in the verdict. */
  String countName() {
    return countName;
  }
}
