package dev.weir.simulator.pacing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpeedTest {

  @Test
  void parsesRealTimeScaledAndMax() {
    assertEquals(Speed.REAL_TIME, Speed.parse("1x"));
    assertEquals(1_000_000_000L, Speed.parse("1x").wallNanos(1_000_000_000L));
    assertEquals(50_000_000L, Speed.parse("20x").wallNanos(1_000_000_000L));
    assertEquals(2_000_000_000L, Speed.parse("0.5x").wallNanos(1_000_000_000L));
    assertEquals(333_333_333L, Speed.parse("3x").wallNanos(1_000_000_000L));
    assertTrue(Speed.parse("max").isMax());
    assertEquals(0, Speed.MAX.wallNanos(1_000_000_000L));
  }

  @Test
  void printsTheFormItParses() {
    assertEquals("20x", Speed.parse("20.0x").toString());
    assertEquals("0.5x", Speed.parse("0.50x").toString());
    assertEquals("max", Speed.MAX.toString());
  }

  @Test
  void largeVirtualSpansDoNotOverflow() {
    // (2^61 - 1) * 10 / 4 overflows in the multiplication but not in the result.
    assertEquals(5_764_607_523_034_234_877L, Speed.parse("0.4x").wallNanos(Long.MAX_VALUE / 4));
  }

  @ParameterizedTest
  @ValueSource(strings = {"fast", "0x", "-2x", "x", "20", "1e400000000000x"})
  void rejectsAnythingElseNamingTheAcceptedForms(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Speed.parse(text));
    assertEquals("speed must be a positive factor like \"1x\", \"20x\", \"0.5x\", or \"max\": \"" + text + "\"",
        e.getMessage());
  }
}
