package dev.weir.harness.check;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The backoff a frontend declares, with the reference frontend's semantics ({@code
 * fixtures/frontend/reference/backoff.js}, its contract): attempt k (from 1, counting retries since
 * the last reset) waits for a delay drawn from an envelope around its ceiling {@code min(cap, base
 * × factor^(k−1))}; after {@code maxAttempts} failed attempts the client gives up; a connection that
 * stays up {@code resetAfter} starts the count over.
 *
 * @param base the first ceiling; positive
 * @param factor how much each ceiling grows over the one before; finite, at least 1
 * @param cap the largest ceiling (and the largest decorrelated delay); at least {@code base}
 * @param jitter how a delay is drawn under its ceiling
 * @param maxAttempts retries before giving up, 0 or more; {@link #UNLIMITED} for never
 * @param resetAfter how long a connection must stay up for the next outage to start again at
 *     attempt 1; zero or more
 */
public record ReconnectPolicy(
    Duration base, double factor, Duration cap, Jitter jitter, int maxAttempts, Duration resetAfter) {

  /** {@code maxAttempts} of a client that never gives up (backoff.js's {@code Infinity}). */
  public static final int UNLIMITED = Integer.MAX_VALUE;

  /** backoff.js's {@code DEFAULT_POLICY}: 50 ms, ×2, capped at 1 s, full jitter, 10, 1 s. */
  public static final ReconnectPolicy DEFAULT =
      new ReconnectPolicy(
          Duration.ofMillis(50), 2, Duration.ofSeconds(1), Jitter.FULL, 10, Duration.ofSeconds(1));

  /** How a delay is drawn under its ceiling, as backoff.js draws it ({@code r} uniform in [0, 1)). */
  public enum Jitter {
    /** The ceiling itself. */
    NONE,
    /** {@code r × ceiling}: anywhere in [0, ceiling). */
    FULL,
    /** {@code ceiling/2 + r × ceiling/2}: in [ceiling/2, ceiling). */
    EQUAL,
    /**
     * {@code min(cap, base + r × (previous × 3 − base))}, previous being the last delay ({@code base}
     * at first and after a reset): in [base, min(cap, 3 × previous)).
     */
    DECORRELATED;

    /** The mode's name in backoff.js and in reports: {@code none}, {@code full}, … */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The mode called {@code label} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the choices, for any other value
     */
    public static Jitter parse(String label) {
      for (Jitter jitter : values()) {
        if (jitter.label().equalsIgnoreCase(String.valueOf(label).trim())) {
          return jitter;
        }
      }
      throw new IllegalArgumentException(
          "jitter must be one of "
              + Arrays.stream(values()).map(Jitter::label).collect(Collectors.joining(", "))
              + "; got "
              + (label == null ? "null" : "\"" + label + "\""));
    }
  }

  public ReconnectPolicy {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(cap, "cap");
    Objects.requireNonNull(jitter, "jitter");
    Objects.requireNonNull(resetAfter, "resetAfter");
    if (base.isNegative() || base.isZero()) {
      throw new IllegalArgumentException("the backoff base must be positive, got " + base);
    }
    if (!(factor >= 1) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException(
          "the backoff factor must be a finite number >= 1, got " + factor);
    }
    if (cap.compareTo(base) < 0) {
      throw new IllegalArgumentException(
          "the backoff cap must be at least the base (" + base + "), got " + cap);
    }
    if (maxAttempts < 0) {
      throw new IllegalArgumentException(
          "maxAttempts must be 0 or more (UNLIMITED for never giving up), got " + maxAttempts);
    }
    if (resetAfter.isNegative()) {
      throw new IllegalArgumentException("resetAfter must be zero or more, got " + resetAfter);
    }
    nanos(cap, "cap");
    nanos(resetAfter, "resetAfter");
  }

  /** The first ceiling, and decorrelated jitter's previous delay at first and after a reset, ns. */
  public long baseNs() {
    return base.toNanos();
  }

  public long capNs() {
    return cap.toNanos();
  }

  public long resetAfterNs() {
    return resetAfter.toNanos();
  }

  /** Attempt {@code attempt}'s ceiling, {@code min(cap, base × factor^(attempt−1))}, ns. */
  public long ceilingNs(int attempt) {
    checkAttempt(attempt);
    return (long) Math.min(capNs(), baseNs() * Math.pow(factor, attempt - 1));
  }

  /**
   * The shortest delay attempt {@code attempt} may wait, ns.
   *
   * @param previousNs the delay before the previous attempt ({@link #baseNs()} for the first
   *     since a reset); only decorrelated jitter reads it
   */
  public long lowNs(int attempt, long previousNs) {
    return switch (jitter) {
      case NONE -> ceilingNs(attempt);
      case FULL -> 0;
      case EQUAL -> ceilingNs(attempt) / 2;
      case DECORRELATED -> baseNs();
    };
  }

  /** The longest delay attempt {@code attempt} may wait, ns; see {@link #lowNs}. */
  public long highNs(int attempt, long previousNs) {
    if (jitter != Jitter.DECORRELATED) {
      return ceilingNs(attempt);
    }
    checkAttempt(attempt);
    long previous = Math.max(baseNs(), previousNs);
    return previous > capNs() / 3 ? capNs() : previous * 3;
  }

  /** {@link #lowNs} and {@link #highNs} as one value, for callers outside a checker's loop. */
  public Envelope envelope(int attempt, long previousNs) {
    return new Envelope(lowNs(attempt, previousNs), highNs(attempt, previousNs));
  }

  /** The delays an attempt may wait, both ends included, ns. */
  public record Envelope(long lowNs, long highNs) {}

  @Override
  public String toString() {
    return "base "
        + Units.millis(baseNs())
        + ", factor "
        + BigDecimal.valueOf(factor).stripTrailingZeros().toPlainString()
        + ", cap "
        + Units.millis(capNs())
        + ", "
        + jitter.label()
        + " jitter, "
        + (maxAttempts == UNLIMITED ? "unlimited" : String.valueOf(maxAttempts))
        + " attempts, reset after "
        + Units.millis(resetAfterNs());
  }

  private static void checkAttempt(int attempt) {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempts are numbered from 1, got " + attempt);
    }
  }

  private static void nanos(Duration duration, String name) {
    try {
      duration.toNanos();
    } catch (ArithmeticException tooLong) {
      throw new IllegalArgumentException(name + " must fit in 292 years of nanoseconds, got " + duration);
    }
  }
}
