package dev.weir.scenarios.run;

import java.util.List;
import java.util.stream.IntStream;

/**
 * One of {@code count} parts of a suite, for CI matrices that split a suite across machines:
 * scenarios sorted by id are dealt out in turn, so every scenario lands in exactly one shard and
 * shard sizes differ by one at most, whatever machine computes them.
 *
 * @param index from 1 to {@code count}
 * @param count 1 or more
 */
public record Shard(int index, int count) {

  /** The whole suite. */
  public static final Shard ALL = new Shard(1, 1);

  public Shard {
    if (count < 1 || index < 1 || index > count) {
      throw new IllegalArgumentException(
          "expected a shard as i/n with 1 <= i <= n, such as 2/4; got " + index + "/" + count);
    }
  }

  /**
   * Reads {@code i/n}.
   *
   * @throws IllegalArgumentException naming the text and the expected form
   */
  public static Shard parse(String text) {
    String[] parts = text.split("/", -1);
    if (parts.length == 2) {
      try {
        return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw new IllegalArgumentException(
        "expected a shard as i/n with 1 <= i <= n, such as 2/4; got \"" + text + "\"");
  }

  /** This shard's part of a suite sorted by id: every {@code count}-th item from the {@code index}-th. */
  public <T> List<T> of(List<T> sorted) {
    return IntStream.range(0, sorted.size())
        .filter(i -> i % count == index - 1).mapToObj(sorted::get).toList();
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
