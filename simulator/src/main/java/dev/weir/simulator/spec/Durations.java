package dev.weir.simulator.spec;

import dev.weir.simulator.spec.yaml.YamlNode;
import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses durations like {@code 10s}, {@code 1500ms} or {@code 1.5s} into exact nanoseconds.
 *
 * <p>Arithmetic is decimal ({@link BigDecimal}), so {@code 0.1s} is exactly 100,000,000 ns with
 * no binary rounding. Units: {@code ns}, {@code us}, {@code ms}, {@code s}, {@code m}
 * (minutes), {@code h}. A unit is always required, even for zero. Used for every duration in a
 * spec file and for the CLI's {@code --duration}.
 */
public final class Durations {

  private static final Pattern DURATION = Pattern.compile("(-?)([0-9]+(?:\\.[0-9]+)?)(ns|us|ms|s|m|h)");
  private static final Map<String, BigDecimal> NANOS_PER_UNIT = Map.of(
      "ns", BigDecimal.ONE,
      "us", BigDecimal.valueOf(1_000L),
      "ms", BigDecimal.valueOf(1_000_000L),
      "s", BigDecimal.valueOf(1_000_000_000L),
      "m", BigDecimal.valueOf(60_000_000_000L),
      "h", BigDecimal.valueOf(3_600_000_000_000L));
  private static final BigDecimal MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  private Durations() {}

  /**
   * The duration a spec file gives at {@code node}, not negative, in nanoseconds; every file
   * format of weir reads durations through here, so they read and fail alike.
   *
   * @throws SpecException at the node, naming what was expected
   */
  public static long of(YamlNode node) throws SpecException {
    String text = node.asScalar("a duration like 1500ms").text();
    try {
      return parse(text);
    } catch (IllegalArgumentException bad) {
      throw node.error(bad.getMessage());
    }
  }

  /** As {@link #of}, and above zero. */
  public static long positive(YamlNode node) throws SpecException {
    long nanos = of(node);
    if (nanos == 0) {
      throw node.expected("a duration above zero");
    }
    return nanos;
  }

  /**
   * A duration that is not negative, in nanoseconds.
   *
   * @throws IllegalArgumentException naming what was expected and the text found
   */
  public static long parse(String text) {
    long nanos = parseSigned(text);
    if (nanos < 0) {
      throw new IllegalArgumentException("expected a duration that is not negative, found " + quote(text));
    }
    return nanos;
  }

  /**
   * A duration that may be negative ({@code -5ms}), in nanoseconds; for offsets.
   *
   * @throws IllegalArgumentException naming what was expected and the text found
   */
  public static long parseSigned(String text) {
    Matcher m = DURATION.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("expected a duration with a unit (ns, us, ms, s, m, h)"
          + " like 1500ms or 1.5s, found " + quote(text));
    }
    BigDecimal nanos = new BigDecimal(m.group(2)).multiply(NANOS_PER_UNIT.get(m.group(3)));
    if (nanos.stripTrailingZeros().scale() > 0) {
      throw new IllegalArgumentException("expected a whole number of nanoseconds, found " + quote(text));
    }
    if (nanos.compareTo(MAX) > 0) {
      throw new IllegalArgumentException("expected a duration of at most " + Long.MAX_VALUE
          + "ns (about 292 years), found " + quote(text));
    }
    long value = nanos.longValueExact();
    return m.group(1).isEmpty() ? value : -value;
  }

  private static String quote(String text) {
    return '"' + text + '"';
  }
}
