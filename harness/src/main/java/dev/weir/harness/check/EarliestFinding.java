package dev.weir.harness.check;

import dev.weir.harness.trace.TraceSnapshot;
import java.util.Arrays;

/**
 * The earliest finding of a checker's pass, by the index of the event that shows it; a tie goes to
 * the defect declared first, the more specific one. Findings arrive out of trace order — a loss is
 * known only at the end but named by its send — so each is offered and the earliest kept.
 *
 * <p>It keeps primitives, so offering creates no object: the defect, stream and index, plus {@link
 * #NUMBERS} numbers and a text that the checker's tally fills (its slot constants say which number
 * is what) and its report reads back to write the sentences, once, for the finding reported.
 *
 * <pre>{@code
 * if (first.offer(defect, stream, index)) {
 *   first.put(PUSHED, pushed).put(HELD, held);
 * }
 * }</pre>
 */
final class EarliestFinding<D extends Enum<D> & Defect> {

  /** How many numbers a finding carries. */
  static final int NUMBERS = 8;

  private final long[] numbers = new long[NUMBERS];
  private D defect;
  private String stream;
  private long index;
  private String text = "";

  /**
   * Keeps {@code defect}, shown by event {@code index} on {@code stream}, if it comes before the
   * finding held: a lower index, or the same index and a defect declared earlier. When it is kept
   * the numbers and text are cleared, for the caller to {@link #put} its own.
   *
   * @return true if kept
   */
  boolean offer(D defect, String stream, long index) {
    if (this.defect != null
        && (index > this.index
            || index == this.index && defect.ordinal() >= this.defect.ordinal())) {
      return false;
    }
    this.defect = defect;
    this.stream = stream;
    this.index = index;
    Arrays.fill(numbers, 0);
    text = "";
    return true;
  }

  /** Sets number {@code slot} (0 to {@link #NUMBERS} - 1) of the finding just kept. */
  EarliestFinding<D> put(int slot, long value) {
    numbers[slot] = value;
    return this;
  }

  /** Sets the text of the finding just kept (a drop's detail, a gauge's metric). */
  EarliestFinding<D> text(String text) {
    this.text = text;
    return this;
  }

  boolean present() {
    return defect != null;
  }

  /** The defect; null when nothing was found. */
  D defect() {
    return defect;
  }

  String stream() {
    return stream;
  }

  long index() {
    return index;
  }

  long number(int slot) {
    return numbers[slot];
  }

  /** The text put, or "". */
  String text() {
    return text;
  }

  /** The violation this finding names, with its context read from {@code trace}. */
  Violation violation(TraceSnapshot trace, String expected, String actual) {
    return ViolationContext.at(trace, stream, index, defect.label(), expected, actual);
  }
}
