package dev.weir.harness.check;

/**
 * What the reconnect checker finds wrong with a stream's reconnection. Declared from the most to
 * the least specific: when two findings name the same event, the earlier one is reported.
 */
enum ReconnectDefect implements Defect {
  /** An attempt after the page reported it had given up. */
  RETRY_AFTER_GIVE_UP("retry-after-give-up"),
  /** An attempt beyond the policy's maxAttempts. */
  TOO_MANY_ATTEMPTS("too-many-attempts"),
  /** An attempt sooner than its envelope allows: a retry storm. */
  TOO_EARLY("too-early"),
  /** An attempt later than a capped envelope allows: the cap is not applied. */
  ABOVE_CAP("above-cap"),
  /** An attempt later than its envelope allows. */
  TOO_LATE("too-late"),
  /** The attempts ran out and the page never reported giving up. */
  GIVE_UP_NOT_VISIBLE("give-up-not-visible"),
  /** Every widely jittered delay came at its envelope's top: the declared jitter is not applied. */
  NO_JITTER("no-jitter"),
  /** The first message consumed after a reconnection skipped some. */
  RESUME_LOST("resume-lost"),
  /** The first message consumed after a reconnection had been consumed before. */
  RESUME_REPEATED("resume-repeated");

  private final String label;

  ReconnectDefect(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
