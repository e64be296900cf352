package dev.weir.simulator.tabular;

/** How a field log writes its timestamps: a decimal number of some unit, or an ISO-8601 instant. */
public enum TimestampUnit {
  NANOSECONDS("ns", 0),
  MICROSECONDS("us", 3),
  MILLISECONDS("ms", 6),
  SECONDS("s", 9),
  /** An instant such as {@code 2024-05-01T12:00:00.123456789Z} (offsets allowed), as nanoseconds since 1970. */
  ISO_8601("ISO-8601", 0);

  private final String symbol;
  private final int decimalsToNanos;

  TimestampUnit(String symbol, int decimalsToNanos) {
    this.symbol = symbol;
    this.decimalsToNanos = decimalsToNanos;
  }

  String symbol() {
    return symbol;
  }

  /** How far the decimal point moves to reach nanoseconds, i.e. the most decimal places a value may have. */
  int decimalsToNanos() {
    return decimalsToNanos;
  }
}
