package dev.weir.scenarios.run;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The load generator: its threads are daemons that burn CPU (their own CPU time and the process's
 * rise), and none is left once stopped, whether the runs around it ended, threw or were
 * interrupted.
 */
class BusyThreadsTest {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final long SPUN_NS = 200_000_000L;
  /** Long enough for two threads to get 200 ms of CPU each on a loaded 2-core machine. */
  private static final Duration WAIT = Duration.ofSeconds(30);
  /**
   * The least share of the time a busy thread spends on a core: a spinning thread gets a core's
   * share on a crowded machine (a quarter with eight runnable tasks on two cores), a thread that
   * mostly sleeps far less (one parking 10 ms at a time: under 1 %).
   */
  private static final double BUSY_SHARE = 0.1;

  @Test
  void eachThreadBurnsCpuUntilClosedAndThenNoneIsLeft() {
    try (BusyThreads busy = BusyThreads.start(2)) {
      List<Thread> spinning = LiveBusyThreads.list();
      assertEquals(List.of("weir-busy-1", "weir-busy-2"),
          spinning.stream().map(Thread::getName).sorted().toList());
      assertTrue(spinning.stream().allMatch(Thread::isDaemon), "daemons end with the JVM");
      long processBefore = processCpuNs();
      long started = System.nanoTime();

      await().atMost(WAIT).untilAsserted(() -> {
        for (Thread thread : spinning) {
          long cpu = THREADS.getThreadCpuTime(thread.getId());
          assertTrue(cpu >= SPUN_NS, thread.getName() + " used " + cpu + " ns of CPU");
        }
      });
      long elapsed = System.nanoTime() - started;
      for (Thread thread : spinning) {
        long cpu = THREADS.getThreadCpuTime(thread.getId());
        assertTrue(cpu >= BUSY_SHARE * elapsed,
            thread.getName() + " was on a core for " + cpu + " of " + elapsed + " ns");
      }
      assertTrue(processCpuNs() - processBefore >= 2 * SPUN_NS, "the process's CPU time rose");
    }
    assertEquals(List.of(), LiveBusyThreads.list());
  }

  @Test
  void anInterruptedCloseStillWaitsForEveryThreadAndKeepsTheInterrupt() {
    BusyThreads busy = BusyThreads.start(3);
    assertEquals(3, LiveBusyThreads.list().size());
    Thread.currentThread().interrupt();
    busy.close();
    assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
    assertEquals(List.of(), LiveBusyThreads.list());
  }

  @Test
  void theThreadsStopWhenTheRunsAroundThemThrow() {
    IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> {
      try (RunConditions under = RunConditions.start(Optional.of(new Stress(2)))) {
        assertEquals(2, LiveBusyThreads.list().size());
        throw new IllegalStateException("a run failed");
      }
    });
    assertEquals("a run failed", thrown.getMessage());
    assertEquals(List.of(), LiveBusyThreads.list());
  }

  @Test
  void theConditionsHoldTheStressAndTheLoadAverageAtStartAndEnd() {
    Conditions conditions;
    try (RunConditions under = RunConditions.start(Optional.of(new Stress(1)))) {
      assertEquals(1, LiveBusyThreads.list().size());
      conditions = under.conditions();
    }
    assertEquals(Optional.of(new Stress(1)), conditions.stress());
    Conditions.LoadAverage load = conditions.loadAverage().orElseThrow(); // Linux has one
    assertEquals(2, load.atStart().scale());
    assertTrue(load.atStart().signum() >= 0 && load.atEnd().signum() >= 0, load.toString());
    assertEquals(List.of(), LiveBusyThreads.list());
  }

  @Test
  void noStressStartsNoThread() {
    try (RunConditions under = RunConditions.start(Optional.empty())) {
      assertEquals(List.of(), LiveBusyThreads.list());
      assertEquals(Optional.empty(), under.conditions().stress());
    }
  }

  private static long processCpuNs() {
    return ((com.sun.management.OperatingSystemMXBean)
        ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }
}
