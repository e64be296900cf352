package dev.weir.scenarios.scenario;

import dev.weir.simulator.pacing.Speed;
import dev.weir.simulator.spec.Durations;
import dev.weir.simulator.spec.SpecException;
import dev.weir.simulator.spec.yaml.ScalarNode;
import dev.weir.simulator.spec.yaml.YamlNode;
import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values with units, read from a node: durations ({@code 250ms}, {@code 1.5s}, {@code 2m}: the
 * simulator's {@link Durations}), sizes ({@code 64KiB}, {@code 1MiB}, or whole bytes), speeds
 * ({@code 20x}, {@code max}: the simulator's {@link Speed}). One place per unit, so a unit reads
 * the same in every key, and is written back ({@link #text}, {@link #sizeText}) as it is read; a bad
 * value is an error at its node saying what was expected.
 */
final class Units {

  private static final Pattern SIZE = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(B|KiB|MiB|GiB)");
  private static final Map<String, BigDecimal> BYTES_PER_UNIT = Map.of(
      "B", BigDecimal.ONE,
      "KiB", BigDecimal.valueOf(1L << 10),
      "MiB", BigDecimal.valueOf(1L << 20),
      "GiB", BigDecimal.valueOf(1L << 30));
  private static final String SIZE_EXPECTED = "a size like 64KiB, 1MiB or a whole number of bytes";
  private static final String SPEED_EXPECTED = "a speed like 1x, 20x, 0.5x or max";

  private Units() {}

  /** A size in bytes, zero or more: a whole number of bytes, or a number and B, KiB, MiB or GiB. */
  static long size(YamlNode node) throws SpecException {
    ScalarNode scalar = node.asScalar(SIZE_EXPECTED);
    Matcher m = SIZE.matcher(scalar.text());
    BigDecimal bytes = m.matches() // "64KiB" is always a string in YAML's core schema
        ? new BigDecimal(m.group(1)).multiply(BYTES_PER_UNIT.get(m.group(2)))
        : BigDecimal.valueOf(scalar.integer(SIZE_EXPECTED));
    if (bytes.signum() < 0) {
      throw node.expected(SIZE_EXPECTED);
    }
    if (bytes.stripTrailingZeros().scale() > 0) {
      throw node.expected("a whole number of bytes");
    }
    if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw node.expected("a size of at most " + Long.MAX_VALUE + " bytes");
    }
    return bytes.longValueExact();
  }

  /** A size above zero, in bytes. */
  static long positiveSize(YamlNode node) throws SpecException {
    long bytes = size(node);
    if (bytes == 0) {
      throw node.expected("a size above zero");
    }
    return bytes;
  }

  /** A size in the largest binary unit that holds it whole, as {@link #size} reads it: 64KiB, 1MiB, 1000, 0. */
  static String sizeText(long bytes) {
    for (String unit : new String[] {"GiB", "MiB", "KiB"}) {
      long per = BYTES_PER_UNIT.get(unit).longValueExact();
      if (bytes != 0 && bytes % per == 0) {
        return bytes / per + unit;
      }
    }
    return String.valueOf(bytes);
  }

  /** How fast virtual time runs: a factor like {@code 20x}, or {@code max}. */
  static Speed speed(YamlNode node) throws SpecException {
    String text = node.asScalar(SPEED_EXPECTED).string(SPEED_EXPECTED);
    try {
      return Speed.parse(text);
    } catch (IllegalArgumentException bad) {
      throw node.expected(SPEED_EXPECTED);
    }
  }

  /** A duration in the largest unit that holds it whole, as a file would write it: 1s, 50ms, 1500us, 0s. */
  static String text(long ns) {
    if (ns == 0) {
      return "0s";
    }
    long[] sizes = {3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L};
    String[] units = {"h", "m", "s", "ms", "us"};
    for (int i = 0; i < sizes.length; i++) {
      if (ns % sizes[i] == 0) {
        return ns / sizes[i] + units[i];
      }
    }
    return ns + "ns";
  }
}
