package dev.weir.harness.bench;

/** What {@code weir bench browser} measures, with the targets set for this kind of machine. */
public enum BrowserMetric {
  JVM_TO_FIRST_PAGE(
      "jvm_to_first_page_ms", "JVM start → first page loaded", "ms", Direction.AT_MOST, 1500),
  RUNTIME_TO_FIRST_PAGE(
      "runtime_to_first_page_ms", "runtime start → first page loaded", "ms", Direction.NONE, 0),
  PAGE_CREATE_LOAD("page_create_load_ms", "page create + load", "ms", Direction.AT_MOST, 250),
  PAGE_CLOSE("page_close_ms", "page close", "ms", Direction.NONE, 0),
  ROUND_TRIP_P50("round_trip_p50_ms", "JS→Java→JS round trip p50", "ms", Direction.AT_MOST, 0.5),
  ROUND_TRIP_P99("round_trip_p99_ms", "JS→Java→JS round trip p99", "ms", Direction.NONE, 0),
  ROUND_TRIP_MEAN("round_trip_mean_ms", "JS→Java→JS round trip mean", "ms", Direction.NONE, 0),
  PUSH_16B("push_16b_msg_per_s", "Java→JS push, 16 B", "msg/s", Direction.AT_LEAST, 30_000),
  PUSH_1KB("push_1kb_msg_per_s", "Java→JS push, 1 KB", "msg/s", Direction.NONE, 0),
  PUSH_64KB("push_64kb_msg_per_s", "Java→JS push, 64 KB", "msg/s", Direction.NONE, 0),
  PUSH_1KB_MB("push_1kb_mb_per_s", "Java→JS push, 1 KB", "MB/s", Direction.NONE, 0),
  PUSH_64KB_MB("push_64kb_mb_per_s", "Java→JS push, 64 KB", "MB/s", Direction.NONE, 0),
  FETCH("fetch_mb_per_s", "custom-scheme fetch, 64 MiB", "MB/s", Direction.NONE, 0),
  JVM_RSS("jvm_rss_mb", "JVM resident memory", "MB", Direction.NONE, 0),
  TREE_RSS("tree_rss_mb", "process tree resident (RSS)", "MB", Direction.NONE, 0),
  TREE_PSS("tree_pss_mb", "process tree proportional (PSS)", "MB", Direction.NONE, 0),
  PROCESSES("processes", "processes in the tree", "", Direction.NONE, 0);

  private enum Direction {
    AT_MOST,
    AT_LEAST,
    NONE
  }

  private final String key;
  private final String label;
  private final String unit;
  private final Direction direction;
  private final double target;

  BrowserMetric(String key, String label, String unit, Direction direction, double target) {
    this.key = key;
    this.label = label;
    this.unit = unit;
    this.direction = direction;
    this.target = target;
  }

  public String label() {
    return label;
  }

  public String unit() {
    return unit;
  }

  /** The stable name used in {@code --json} output, such as {@code page_create_load_ms}. */
  public String key() {
    return key;
  }

  /** The target as text, such as {@code ≤ 250 ms}; empty when there is none. */
  public String target() {
    return switch (direction) {
      case AT_MOST -> "≤ " + Format.number(target) + " " + unit;
      case AT_LEAST -> "≥ " + Format.number(target) + " " + unit;
      case NONE -> "";
    };
  }

  public boolean hasTarget() {
    return direction != Direction.NONE;
  }

  /** Whether {@code value} meets the target; true when there is none. */
  public boolean met(double value) {
    return switch (direction) {
      case AT_MOST -> value <= target;
      case AT_LEAST -> value >= target;
      case NONE -> true;
    };
  }
}
