package dev.weir.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {

  private final AtomicLong clock = new AtomicLong();
  private final StringWriter text = new StringWriter();

  private Progress progress(boolean terminal) {
    return new Progress(new PrintWriter(text), "simulate", terminal, clock::get);
  }

  private void steps(Progress p, int n, double fraction) {
    for (int i = 0; i < n; i++) {
      p.step(fraction);
    }
  }

  @Test
  void aShortRunPrintsNothing() {
    Progress p = progress(false);
    steps(p, 3 * Progress.CHECK_EVERY, 0.5);
    clock.set(Progress.QUIET_FOR_NANOS - 1);
    steps(p, Progress.CHECK_EVERY, 1.0);
    p.done();
    assertEquals("", text.toString());
  }

  @Test
  void aLongRunPrintsALinePerIntervalAndAFinalOne() {
    Progress p = progress(false);
    clock.set(Progress.QUIET_FOR_NANOS);
    steps(p, Progress.CHECK_EVERY, 0.25);
    clock.set(Progress.QUIET_FOR_NANOS + Progress.INTERVAL_NANOS / 2);
    steps(p, Progress.CHECK_EVERY, 0.4);
    clock.set(Progress.QUIET_FOR_NANOS + Progress.INTERVAL_NANOS);
    steps(p, Progress.CHECK_EVERY, 0.5);
    p.done();
    assertEquals(String.join(System.lineSeparator(),
        "simulate:  25%  4,096 items  1.0 s",
        "simulate:  50%  12,288 items  2.0 s",
        "simulate: 100%  12,288 items  2.0 s", ""), text.toString());
  }

  @Test
  void onATerminalTheLineIsRedrawnInPlace() {
    Progress p = progress(true);
    clock.set(Progress.QUIET_FOR_NANOS);
    steps(p, Progress.CHECK_EVERY, 0.5);
    p.done();
    assertEquals("\rsimulate:  50%  4,096 items  1.0 s\rsimulate: 100%  4,096 items  1.0 s\n", text.toString());
  }
}
