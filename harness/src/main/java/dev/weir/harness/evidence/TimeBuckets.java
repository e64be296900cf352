package dev.weir.harness.evidence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Columns of values in time buckets shared by all columns: 100 ms wide, doubled (merging pairs)
 * whenever a time falls beyond the last of {@value #MAX_BUCKETS}, so a run of any length fits in
 * a fixed size. A column either sums what falls in a bucket (counts) or keeps its most (levels).
 */
final class TimeBuckets {

  static final long FIRST_WIDTH_NS = 100_000_000;
  static final int MAX_BUCKETS = 1_000;
  /** Columns kept besides the first two (buffers): more would make a plot unreadable anyway. */
  static final int MAX_SERIES = 8;

  private static final long EMPTY = -1;

  private final List<long[]> columns = new ArrayList<>();
  private final List<Boolean> most = new ArrayList<>();
  private long widthNs = FIRST_WIDTH_NS;
  private int lastSummed = -1; // the last bucket with anything in a summing column

  /** Adds a column that sums what falls in each bucket; returns its number. */
  int summing() {
    return add(false);
  }

  /** Adds a column that keeps the most of what falls in each bucket; returns its number. */
  int keepingMost() {
    return add(true);
  }

  /** Puts {@code value} at {@code ns} (0 or more) into column {@code column}. */
  void put(int column, long ns, long value) {
    while (ns / widthNs >= MAX_BUCKETS) {
      widen();
    }
    int bucket = (int) (ns / widthNs);
    long[] values = columns.get(column);
    if (most.get(column)) {
      values[bucket] = Math.max(values[bucket], value);
    } else {
      values[bucket] += value;
      lastSummed = Math.max(lastSummed, bucket);
    }
  }

  long widthNs() {
    return widthNs;
  }

  /**
   * Column {@code column} as points at each bucket's start: a summing column at every bucket up to
   * the last one any summing column reached (zeros included); one keeping the most, only where
   * something fell.
   */
  List<Timeline.Point> points(int column) {
    long[] values = columns.get(column);
    List<Timeline.Point> points = new ArrayList<>();
    int end = most.get(column) ? MAX_BUCKETS - 1 : lastSummed;
    for (int bucket = 0; bucket <= end; bucket++) {
      if (values[bucket] != EMPTY) {
        points.add(new Timeline.Point(bucket * widthNs, values[bucket]));
      }
    }
    return points;
  }

  private int add(boolean keepsMost) {
    long[] values = new long[MAX_BUCKETS];
    if (keepsMost) {
      Arrays.fill(values, EMPTY);
    }
    columns.add(values);
    most.add(keepsMost);
    return columns.size() - 1;
  }

  private void widen() {
    for (int column = 0; column < columns.size(); column++) {
      long[] values = columns.get(column);
      boolean keepsMost = most.get(column);
      for (int bucket = 0; bucket < MAX_BUCKETS / 2; bucket++) {
        long a = values[2 * bucket];
        long b = values[2 * bucket + 1];
        values[bucket] = keepsMost ? Math.max(a, b) : a + b;
      }
      Arrays.fill(values, MAX_BUCKETS / 2, MAX_BUCKETS, keepsMost ? EMPTY : 0);
    }
    widthNs *= 2;
    lastSummed = lastSummed < 0 ? -1 : lastSummed / 2;
  }
}
