package dev.weir.scenarios.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of a long command on stderr, so a user watching a 10-minute simulation sees it move.
 *
 * <p>Silent for runs shorter than {@link #QUIET_FOR_NANOS}; then one line per
 * {@link #INTERVAL_NANOS}, redrawn in place on a terminal and appended in logs. Cheap enough to
 * call per item: it looks at the clock only every {@link #CHECK_EVERY} calls.
 */
final class Progress {

  static final long QUIET_FOR_NANOS = 1_000_000_000L;
  static final long INTERVAL_NANOS = 1_000_000_000L;
  static final int CHECK_EVERY = 4096;

  private final PrintWriter err;
  private final String label;
  private final boolean terminal;
  private final LongSupplier nanoTime;
  private final long start;
  private long lastPrint;
  private long items;
  private double lastFraction;
  private boolean printed;

  /** Progress on {@code err}, or none when not {@code enabled}. */
  static Progress on(PrintWriter err, String label, boolean enabled) {
    return new Progress(enabled ? err : null, label, System.console() != null, System::nanoTime);
  }

  /**
   * @param err where to print; null for silence
   * @param terminal redraw one line in place rather than append lines
   * @param nanoTime the clock, so tests need not wait
   */
  Progress(PrintWriter err, String label, boolean terminal, LongSupplier nanoTime) {
    this.err = err;
    this.label = label;
    this.terminal = terminal;
    this.nanoTime = nanoTime;
    this.start = nanoTime.getAsLong();
    this.lastPrint = start + QUIET_FOR_NANOS - INTERVAL_NANOS;
  }

  /**
   * Counts one item.
   *
   * @param fraction how far along the whole job is, in [0, 1]; negative when unknown
   */
  void step(double fraction) {
    items++;
    lastFraction = fraction;
    if (err == null || items % CHECK_EVERY != 0) {
      return;
    }
    long now = nanoTime.getAsLong();
    if (now - lastPrint >= INTERVAL_NANOS) {
      lastPrint = now;
      print(fraction, now);
    }
  }

  /** Ends the progress line, if one was shown. */
  void done() {
    if (err != null && printed) {
      print(lastFraction < 0 ? -1 : 1.0, nanoTime.getAsLong());
      if (terminal) {
        err.print('\n');
      }
      err.flush();
    }
  }

  private void print(double fraction, long now) {
    double seconds = (now - start) / 1e9;
    String done = fraction < 0 ? "" : String.format(Locale.ROOT, " %3.0f%% ", 100 * fraction);
    String line = String.format(Locale.ROOT, "%s:%s %,d items  %.1f s", label, done, items, seconds);
    if (terminal) {
      err.print('\r' + line);
    } else {
      err.println(line);
    }
    err.flush();
    printed = true;
  }
}
