package dev.weir.harness.evidence;

import java.util.List;
import java.util.Objects;

/**
 * Values over a run's time in buckets of equal width: what was sent or delivered per bucket, or
 * the most a buffer held in it.
 *
 * <p>Buckets start at the trace's start (time 0) and are {@code bucketNs} wide: 100 ms, doubled
 * as often as needed to fit the run in {@value TimeBuckets#MAX_BUCKETS} buckets.
 *
 * @param name what the timeline shows, for a plot's title
 * @param bucketNs each bucket's width, ns
 * @param series the lines, in a fixed order; possibly empty
 * @param levels constant values drawn across (a buffer's declared capacity); possibly empty
 * @param omittedSeries series left out to bound the output (buffers beyond the first {@value
 *     TimeBuckets#MAX_SERIES})
 */
public record Timeline(
    String name, long bucketNs, List<Series> series, List<Level> levels, long omittedSeries) {

  /**
   * One line: a value per bucket, at the bucket's start; buckets without a value are left out.
   *
   * @param name the line's name: {@code sends}, {@code deliveries}, a buffer's name
   * @param unit what the values count: {@code messages}, {@code items}
   */
  public record Series(String name, String unit, List<Point> points) {
    public Series {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(unit, "unit");
      points = List.copyOf(points);
    }
  }

  /** A bucket starting {@code atNs} after the trace's start, and its value. */
  public record Point(long atNs, long value) {}

  /** A value that holds for the whole run, such as a buffer's capacity. */
  public record Level(String name, long value) {
    public Level {
      Objects.requireNonNull(name, "name");
    }
  }

  public Timeline {
    Objects.requireNonNull(name, "name");
    series = List.copyOf(series);
    levels = List.copyOf(levels);
    if (bucketNs <= 0) {
      throw new IllegalArgumentException(name + ": the bucket width must be positive, got " + bucketNs);
    }
  }
}
