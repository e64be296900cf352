package dev.weir.simulator.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      10s                  | 10000000000
      1500ms               | 1500000000
      250us                | 250000
      100ns                | 100
      2m                   | 120000000000
      1h                   | 3600000000000
      1.5s                 | 1500000000
      0.1s                 | 100000000
      0.000000001s         | 1
      0s                   | 0
      0ns                  | 0
      9223372036854775807ns | 9223372036854775807
      """)
  void parsesExactNanoseconds(String text, long nanos) {
    assertEquals(nanos, Durations.parse(text));
  }

  @Test
  void signedDurationsMayBeNegative() {
    assertEquals(-5_000_000L, Durations.parseSigned("-5ms"));
    assertEquals(120_000_000L, Durations.parseSigned("120ms"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      10                     | expected a duration with a unit (ns, us, ms, s, m, h) like 1500ms or 1.5s, found "10"
      10 s                   | expected a duration with a unit (ns, us, ms, s, m, h) like 1500ms or 1.5s, found "10 s"
      1.5.s                  | expected a duration with a unit (ns, us, ms, s, m, h) like 1500ms or 1.5s, found "1.5.s"
      .5s                    | expected a duration with a unit (ns, us, ms, s, m, h) like 1500ms or 1.5s, found ".5s"
      5d                     | expected a duration with a unit (ns, us, ms, s, m, h) like 1500ms or 1.5s, found "5d"
      -5ms                   | expected a duration that is not negative, found "-5ms"
      1.5ns                  | expected a whole number of nanoseconds, found "1.5ns"
      0.0000000001s          | expected a whole number of nanoseconds, found "0.0000000001s"
      9223372036854775808ns  | expected a duration of at most 9223372036854775807ns (about 292 years), found "9223372036854775808ns"
      2562048h               | expected a duration of at most 9223372036854775807ns (about 292 years), found "2562048h"
      """)
  void rejectsWithTheReason(String text, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));

    assertEquals(message, e.getMessage());
  }

  @Test
  void rejectsTheEmptyString() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(""));

    assertEquals("expected a duration with a unit (ns, us, ms, s, m, h) like 1500ms or 1.5s, found \"\"",
        e.getMessage());
  }
}
