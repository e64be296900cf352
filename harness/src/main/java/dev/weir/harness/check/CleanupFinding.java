package dev.weir.harness.check;

/**
 * The earliest cleanup finding of a pass, by the position of the event that shows it. A late page
 * report can show a violation at a higher index than one found before it, and never-closed is known
 * only at the end, so every finding is offered and the earliest kept, as primitives; its sentences
 * are written once, for the one that is reported.
 */
final class CleanupFinding {

  private CleanupDefect defect;
  private String stream;
  private long index;
  private long subject;
  private long measured;
  private long reference;
  private String what;

  /**
   * @param index the event that shows the finding
   * @param subject the message's sequence, or for a gauge the sample's number (1 = baseline)
   * @param measured how long after the close, in ns, or the gauge's value
   * @param reference the index of the close or open it is measured against, or the gauge's baseline
   * @param what that close's or open's detail, or the gauge's metric
   */
  void offer(
      CleanupDefect defect,
      String stream,
      long index,
      long subject,
      long measured,
      long reference,
      String what) {
    if (this.defect != null && index >= this.index) {
      return;
    }
    this.defect = defect;
    this.stream = stream;
    this.index = index;
    this.subject = subject;
    this.measured = measured;
    this.reference = reference;
    this.what = what;
  }

  boolean present() {
    return defect != null;
  }

  CleanupDefect defect() {
    return defect;
  }

  String stream() {
    return stream;
  }

  long index() {
    return index;
  }

  /** What the declared behaviour required, as a sentence. */
  String expected(long stopNs, long tolerance) {
    return switch (defect) {
      case NEVER_CLOSED ->
          "a subscription the frontend reports closed is closed or ended on the Java side";
      case KEPT_PRODUCING ->
          "the producer stops within " + FirstFinding.millis(stopNs) + " of the stream's close";
      case DELIVERED_AFTER_CLOSE ->
          "nothing reaches the page later than "
              + FirstFinding.millis(stopNs)
              + " after it closed the stream";
      case CONSUMED_AFTER_CLOSE ->
          "no message is handed to the application after the frontend reports the stream closed";
      case NOT_AT_BASELINE ->
          "\""
              + what
              + "\" returns to its baseline of "
              + reference
              + (tolerance == 0 ? "" : " (tolerance +" + tolerance + ")")
              + " once a close has settled";
    };
  }

  /** What the trace shows instead, as a sentence. */
  String actual() {
    String s = "sequence " + subject;
    String after = FirstFinding.millis(measured) + " after ";
    return switch (defect) {
      case NEVER_CLOSED ->
          "the frontend reported closing the subscription opened at event #"
              + reference
              + " ("
              + what
              + "), but no close or end followed by the end of the trace";
      case KEPT_PRODUCING ->
          s + " was sent " + after + "the close (" + what + ", event #" + reference + ")";
      case DELIVERED_AFTER_CLOSE ->
          s + " was delivered " + after + "the page's " + what + " (event #" + reference + ")";
      case CONSUMED_AFTER_CLOSE ->
          s + " was consumed " + after + "the frontend reported closing (event #" + reference + ")";
      case NOT_AT_BASELINE ->
          "sample "
              + subject
              + " read "
              + measured
              + ", "
              + CleanupGauge.growth(measured, reference)
              + " above the baseline";
    };
  }

  /** The metric of a gauge finding, or the close's or open's detail otherwise. */
  String what() {
    return what;
  }
}
