package dev.weir.harness.check;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link Checker} concluded about a run: a {@link Status}, the counts and fractions it
 * measured, the first violation with its context, and a paragraph for people. Its JSON form ({@link
 * #toJson()}) has a fixed field order, so equal verdicts give equal text in reports and repro
 * bundles. Immutable.
 */
public final class Verdict {

  private final String checker;
  private final Status status;
  private final Map<String, Long> counts;
  private final Map<String, Double> fractions;
  private final Violation firstViolation;
  private final String summary;

  /**
   * @param checker the checker's {@link Checker#name()}
   * @param counts named numbers, kept in the map's iteration order (pass a {@link LinkedHashMap}
   *     for a stable order); possibly empty
   * @param fractions named ratios, likewise ordered; possibly empty
   * @param firstViolation the first violation, or for {@link Status#NON_STRICT} the first allowed
   *     deviation; null for none, and must be null when {@code status} is {@link Status#OK}
   * @param summary one paragraph that says what was judged and how it came out
   */
  public Verdict(
      String checker,
      Status status,
      Map<String, Long> counts,
      Map<String, Double> fractions,
      Violation firstViolation,
      String summary) {
    this.checker = Objects.requireNonNull(checker, "checker");
    this.status = Objects.requireNonNull(status, "status");
    this.counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    this.fractions = Collections.unmodifiableMap(new LinkedHashMap<>(fractions));
    this.firstViolation = firstViolation;
    this.summary = Objects.requireNonNull(summary, "summary");
    if (status == Status.OK && firstViolation != null) {
      throw new IllegalArgumentException(
          checker + ": an OK verdict names no violation, got " + firstViolation.defect());
    }
  }

  public String checker() {
    return checker;
  }

  public Status status() {
    return status;
  }

  /** Every count, in a stable order; never null. */
  public Map<String, Long> counts() {
    return counts;
  }

  /**
   * The count called {@code name}.
   *
   * @throws IllegalArgumentException if this verdict has no such count (the message lists them)
   */
  public long count(String name) {
    Long value = counts.get(name);
    if (value == null) {
      throw new IllegalArgumentException(
          checker + " has no count \"" + name + "\"; its counts are " + counts.keySet());
    }
    return value;
  }

  /** Every fraction, in a stable order; never null. */
  public Map<String, Double> fractions() {
    return fractions;
  }

  /**
   * The fraction called {@code name}.
   *
   * @throws IllegalArgumentException if this verdict has no such fraction
   */
  public double fraction(String name) {
    Double value = fractions.get(name);
    if (value == null) {
      throw new IllegalArgumentException(
          checker + " has no fraction \"" + name + "\"; its fractions are " + fractions.keySet());
    }
    return value;
  }

  /** The first violation (or allowed deviation), if any. */
  public Optional<Violation> firstViolation() {
    return Optional.ofNullable(firstViolation);
  }

  public String summary() {
    return summary;
  }

  /**
   * This verdict for a run that did not complete: a pass becomes {@link Status#INCONCLUSIVE} (what
   * was judged held, but not all of the run was there to judge), and an inconclusive one stays so,
   * each with its summary led by {@code why}; a failure stays a failure (what was there already
   * broke the declared behaviour), and so does a measurement, which says what it measured.
   */
  public Verdict incomplete(String why) {
    if (status != Status.OK && status != Status.NON_STRICT && status != Status.INCONCLUSIVE) {
      return this;
    }
    String judged = summary.startsWith(status.label() + ": ")
        ? summary.substring(status.label().length() + 2) : summary;
    return new Verdict(checker, Status.INCONCLUSIVE, counts, fractions, null,
        Status.INCONCLUSIVE.label() + ": " + why + " What was there to judge: " + judged);
  }

  /** The verdict as one line of JSON; the layout is in {@code docs/checkers.md}. */
  public String toJson() {
    return VerdictJson.toJson(this);
  }

  /** Writes the verdict as a JSON object into {@code json}, for reports that hold many. */
  public void writeJson(JsonGenerator json) throws IOException {
    VerdictJson.write(this, json);
  }

  /**
   * The verdict a JSON object written by {@link #writeJson} holds, such as one of a report's
   * {@code index.json}: the same JSON when written again. Fractions keep the six decimals the JSON
   * has; the events of the first violation keep the fields their layout holds.
   *
   * @throws IllegalArgumentException when a field is missing or holds no such value
   */
  public static Verdict fromJson(JsonNode json) {
    return VerdictJson.read(json);
  }

  @Override
  public String toString() {
    return checker + " " + status.label() + ": " + summary;
  }
}
