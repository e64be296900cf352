package dev.weir.scenarios.scenario;

import dev.weir.simulator.spec.Durations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.simulator.pacing.Speed;
import dev.weir.simulator.spec.SpecException;
import dev.weir.simulator.spec.yaml.YamlDocument;
import dev.weir.simulator.spec.yaml.YamlNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Values with units read the same in every key: durations, sizes and speeds, exactly. */
class ScenarioUnitsTest {

  @ParameterizedTest
  @CsvSource({"250ms, 250000000", "1.5s, 1500000000", "2m, 120000000000", "0s, 0", "20us, 20000", "1h, 3600000000000"})
  void durations(String text, long nanos) throws SpecException {
    assertEquals(nanos, Durations.of(node(text)));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      10       | expected a duration with a unit (ns, us, ms, s, m, h) like 1500ms or 1.5s, found "10"
      1.5      | expected a duration with a unit (ns, us, ms, s, m, h) like 1500ms or 1.5s, found "1.5"
      1 s      | expected a duration with a unit (ns, us, ms, s, m, h) like 1500ms or 1.5s, found "1 s"
      -5ms     | expected a duration that is not negative, found "-5ms"
      0.5ns    | expected a whole number of nanoseconds, found "0.5ns"
      2d       | expected a duration with a unit (ns, us, ms, s, m, h) like 1500ms or 1.5s, found "2d"
      """)
  void badDurations(String text, String detail) {
    assertEquals(detail, assertThrows(SpecException.class, () -> Durations.of(node(text))).detail());
  }

  @ParameterizedTest
  @CsvSource({"64KiB, 65536", "1MiB, 1048576", "1.5KiB, 1536", "2GiB, 2147483648", "100B, 100", "4096, 4096", "0, 0"})
  void sizes(String text, long bytes) throws SpecException {
    assertEquals(bytes, Units.size(node(text)));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      64KB       | expected a size like 64KiB, 1MiB or a whole number of bytes, found "64KB"
      1.5        | expected a size like 64KiB, 1MiB or a whole number of bytes, found 1.5
      -1         | expected a size like 64KiB, 1MiB or a whole number of bytes, found -1
      '"4096"'   | expected a size like 64KiB, 1MiB or a whole number of bytes, found "4096"
      0.3B       | expected a whole number of bytes, found "0.3B"
      9000000000GiB | expected a size of at most 9223372036854775807 bytes, found "9000000000GiB"
      """)
  void badSizes(String text, String detail) {
    assertEquals(detail, assertThrows(SpecException.class, () -> Units.size(node(text))).detail());
  }

  @ParameterizedTest
  @CsvSource({"1x, 1x", "20x, 20x", "0.5x, 0.5x", "max, max", "10.0x, 10x"})
  void speeds(String text, String canonical) throws SpecException {
    assertEquals(Speed.parse(canonical), Units.speed(node(text)));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      20  | expected a speed like 1x, 20x, 0.5x or max, found 20
      0x  | expected a speed like 1x, 20x, 0.5x or max, found "0x"
      fast| expected a speed like 1x, 20x, 0.5x or max, found "fast"
      """)
  void badSpeeds(String text, String detail) {
    assertEquals(detail, assertThrows(SpecException.class, () -> Units.speed(node(text))).detail());
  }

  @ParameterizedTest
  @CsvSource({"1000000000, 1s", "50000000, 50ms", "1500000, 1500us", "90000000000, 90s", "7, 7ns", "0, 0s",
      "7200000000000, 2h", "1234567, 1234567ns"})
  void durationsAreWrittenInTheLargestWholeUnit(long nanos, String text) throws SpecException {
    assertEquals(text, Units.text(nanos));
    assertEquals(nanos, Durations.of(node(text)));
  }

  @ParameterizedTest
  @CsvSource({"65536, 64KiB", "1572864, 1536KiB", "1048576, 1MiB", "2147483648, 2GiB", "1000, 1000", "1, 1", "0, 0",
      "9223372036854775807, 9223372036854775807"})
  void sizesAreWrittenInTheLargestWholeUnit(long bytes, String text) throws SpecException {
    assertEquals(text, Units.sizeText(bytes));
    assertEquals(bytes, Units.size(node(text)));
  }

  private static YamlNode node(String text) throws SpecException {
    return YamlDocument.parse("v: " + text, "units.yaml").root().asMap("").get("v").orElseThrow();
  }
}
