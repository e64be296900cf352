package dev.weir.harness.check;

/**
 * The earliest backpressure finding of a pass, by the position of the event that shows it (ties go
 * to the more specific defect). Findings arrive out of trace order — a message unaccounted for is
 * known only at the end but named by its send — so each is offered and the earliest kept, as
 * primitives; {@link BackpressureReport} writes the sentences for the one reported.
 *
 * <p>The same rule as {@link FirstFinding}, whose fields are the ordering checker's.
 */
final class BackpressureFinding {

  private BackpressureDefect defect;
  private String stream;
  private long sequence;
  private long index;
  private long value;
  private String detail;

  /**
   * @param index the event that shows the finding
   * @param value what the sentences quote: messages or bytes in flight, or messages unaccounted
   * @param detail the drop's detail for a drop finding, else ""
   */
  void offer(
      BackpressureDefect defect,
      String stream,
      long sequence,
      long index,
      long value,
      String detail) {
    if (this.defect != null
        && (index > this.index
            || index == this.index && defect.ordinal() >= this.defect.ordinal())) {
      return;
    }
    this.defect = defect;
    this.stream = stream;
    this.sequence = sequence;
    this.index = index;
    this.value = value;
    this.detail = detail;
  }

  boolean present() {
    return defect != null;
  }

  BackpressureDefect defect() {
    return defect;
  }

  String stream() {
    return stream;
  }

  long sequence() {
    return sequence;
  }

  long index() {
    return index;
  }

  long value() {
    return value;
  }

  String detail() {
    return detail;
  }
}
