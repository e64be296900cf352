package dev.weir.scenarios.run;

import java.util.ArrayList;
import java.util.List;

/**
 * Threads that keep the CPU busy while runs execute ({@code --stress cpu=N}): a verdict must hold
 * on a busy machine, not only on an idle one, and this makes the busy machine with the run instead
 * of by hand. Each thread spins in a tight loop that reads a volatile flag and does nothing else,
 * competing for a core as a shell's {@code while :; do :; done} does.
 *
 * <p>Threads in weir's own JVM rather than child processes: they are daemon threads, so they end
 * with the JVM however it ends (an exception, an interrupt, a kill), and nothing can be left
 * spinning behind a command, as a killed command's child processes would be.
 */
public final class BusyThreads implements AutoCloseable {

  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean stopped;

  private BusyThreads() {}

  /**
   * Starts {@code count} busy threads (none for 0), named {@code weir-busy-1} and on. Should one
   * fail to start, those started are stopped before the error is thrown.
   */
  public static BusyThreads start(int count) {
    BusyThreads busy = new BusyThreads();
    try {
      for (int i = 1; i <= count; i++) {
        Thread thread = new Thread(busy::spin, "weir-busy-" + i);
        thread.setDaemon(true);
        busy.threads.add(thread);
        thread.start();
      }
    } catch (RuntimeException | Error e) {
      busy.close();
      throw e;
    }
    return busy;
  }

  private void spin() {
    // No Thread.onSpinWait(): it would hand the core's time to its hyperthread sibling.
    while (!stopped) {
      // busy
    }
  }

  /**
   * Stops every thread and returns once all have ended (they end as soon as they see the flag). An
   * interrupt does not cut the wait short; the thread's interrupt status is kept.
   */
  @Override
  public void close() {
    stopped = true;
    boolean interrupted = false;
    for (Thread thread : threads) {
      while (thread.isAlive()) {
        try {
          thread.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
