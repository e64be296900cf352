package dev.weir.harness.transport;

/**
 * Payload sizes from which a channel parks a message for fetching instead of evaluating it in the
 * page: Tauri's are 8192 bytes of JSON and 1024 raw bytes.
 */
public record Thresholds(int jsonBytes, int rawBytes) {

  /** Tauri v2's thresholds. */
  public static final Thresholds TAURI = new Thresholds(8192, 1024);

  public Thresholds {
    if (jsonBytes < 0 || rawBytes < 0) {
      throw new IllegalArgumentException(
          "Channel thresholds must not be negative: json " + jsonBytes + ", raw " + rawBytes);
    }
  }
}
