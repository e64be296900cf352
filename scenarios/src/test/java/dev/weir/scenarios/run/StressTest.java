package dev.weir.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code --stress} spec: {@code cpu=N} with N 1 or more, and nothing else yet. */
class StressTest {

  @Test
  void cpuNIsNBusyThreadsAndReadsBackFromItsText() {
    Stress stress = Stress.parse("cpu=4");
    assertEquals(4, stress.cpu());
    assertEquals("cpu=4", stress.toString());
    assertEquals(stress, Stress.parse(stress.toString()));
    assertEquals("4 busy threads (cpu=4)", stress.describe());
    assertEquals("1 busy thread (cpu=1)", Stress.parse("cpu=1").describe());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "cpu", "cpu=", "cpu=0", "cpu=-2", "cpu=four", "cpu=4.5", "CPU=4",
      "memory=1g", "cpu=2,cpu=3", "cpu=2,", "cpu=99999999999"})
  void anythingElseIsRefusedSayingWhatWasExpected(String spec) {
    assertEquals("expected cpu=N with N 1 or more (N busy threads), such as cpu=4",
        assertThrows(IllegalArgumentException.class, () -> Stress.parse(spec)).getMessage());
  }
}
