package dev.weir.harness.trace;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Several threads append at once (producers and CEF's thread do), while checkers read; a buffer
 * snapshot's events are never split.
 */
class TraceConcurrencyTest {

  private static final int THREADS = 4;
  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

  @AfterEach
  void stop() throws InterruptedException {
    pool.shutdownNow();
    assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
  }

  /**
   * Writer {@code t} appends {@code count} events on its own stream: sequence i is a send, a
   * delivery or a drop by {@link #kindOf}, drops with a detail from a set of 50; half way it
   * registers a second stream (so strings are interned while others append).
   */
  private static void write(Trace trace, int t, int count, CountDownLatch halfway) {
    int stream = trace.stream("w" + t);
    for (int i = 0; i < count; i++) {
      if (i == count / 2) {
        trace.stream("w" + t + "-late");
        halfway.countDown();
      }
      switch (kindOf(i)) {
        case SEND -> trace.send(stream, i, i % 1000, i);
        case DELIVERY -> trace.delivery(stream, i, i % 1000, trace.nowNs());
        default -> trace.lifecycle(EventKind.DROP, stream, i, "w" + t + "-" + i % 50);
      }
    }
  }

  private static EventKind kindOf(long sequence) {
    return sequence % 3 == 0
        ? EventKind.SEND
        : sequence % 3 == 1 ? EventKind.DELIVERY : EventKind.DROP;
  }

  private List<Future<?>> startWriters(Trace trace, int count, CountDownLatch halfway) {
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> writers = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int writer = t;
      writers.add(
          pool.submit(
              () -> {
                go.await();
                write(trace, writer, count, halfway);
                return null;
              }));
    }
    go.countDown();
    return writers;
  }

  private static void join(List<Future<?>> writers) throws Exception {
    for (Future<?> writer : writers) {
      writer.get(60, TimeUnit.SECONDS);
    }
  }

  @Test
  void eventsFromSeveralThreadsAreReadBackExactlyOnceInEachThreadsOrder() throws Exception {
    Trace trace = Trace.start();
    int count = 60_000;
    join(startWriters(trace, count, new CountDownLatch(THREADS)));
    TraceSnapshot snapshot = trace.snapshot();
    assertEquals((long) THREADS * count, snapshot.size());
    Map<String, Integer> next = new HashMap<>();
    long lastArrival = 0;
    TraceCursor c = snapshot.cursor();
    while (c.next()) {
      int expected = next.merge(c.stream(), 1, Integer::sum) - 1;
      assertEquals(expected, c.sequence(), () -> "sequence on " + c.stream());
      assertEquals(kindOf(expected), c.kind());
      // Java's times are read under the append lock: they never go back in append order.
      assertTrue(c.arrivalNs() >= lastArrival, () -> "time went back at event " + c.index());
      lastArrival = c.arrivalNs();
    }
    for (int t = 0; t < THREADS; t++) {
      assertEquals(count, next.get("w" + t));
    }
  }

  @Test
  void snapshotsTakenWhileWritersAppendAreConsistentPrefixes() throws Exception {
    Trace trace = Trace.start();
    int count = 200_000;
    CountDownLatch halfway = new CountDownLatch(THREADS);
    List<Future<?>> writers = startWriters(trace, count, halfway);
    // Half way, or a writer has ended (then join reports how).
    await("all writers half way")
        .atMost(Duration.ofSeconds(60))
        .until(() -> halfway.getCount() == 0 || writers.stream().anyMatch(Future::isDone));
    List<TraceSnapshot> taken = new ArrayList<>();
    do {
      TraceSnapshot snapshot = trace.snapshot();
      assertConsistent(snapshot);
      taken.add(snapshot);
    } while (!writers.stream().allMatch(Future::isDone));
    join(writers);
    List<TraceEvent> all = trace.snapshot().events(EventFilter.all());
    for (TraceSnapshot snapshot : taken) {
      assertConsistent(snapshot);
      List<TraceEvent> events = snapshot.events(EventFilter.all());
      assertEquals(all.subList(0, events.size()), events);
    }
  }

  @Test
  void aBufferSnapshotsEventsStayTogetherWhileOthersAppend() throws Exception {
    Trace trace = Trace.start();
    int snapshots = 3000;
    int sends = 100_000;
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> writers = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int writer = t;
      writers.add(
          pool.submit(
              () -> {
                go.await();
                if (writer % 2 == 0) {
                  takeBufferSnapshots(trace, "ring" + writer, snapshots);
                } else {
                  int stream = trace.stream("w" + writer);
                  for (int i = 0; i < sends; i++) {
                    trace.send(stream, i, 8, i);
                  }
                }
                return null;
              }));
    }
    go.countDown();
    do {
      assertBuffersWhole(trace.snapshot());
    } while (!writers.stream().allMatch(Future::isDone));
    join(writers);
    TraceSnapshot all = trace.snapshot();
    assertEquals(THREADS / 2 * snapshots, assertBuffersWhole(all));
    assertEquals(THREADS / 2 * snapshots, all.count(EventKind.BUFFER));
    assertEquals(THREADS / 2 * (long) sends, all.count(EventKind.SEND));
  }

  /**
   * Snapshot j of buffer {@code name} holds j % 65 items, the last ones of {@code 100 j + held}
   * pushed; the others were evicted. The items array is reused, as a probe would.
   */
  private static void takeBufferSnapshots(Trace trace, String name, int count) {
    int ring = trace.stream(name);
    long[] items = new long[64];
    for (int j = 0; j < count; j++) {
      int held = j % 65;
      long pushed = 100L * j + held;
      for (int p = 0; p < held; p++) {
        items[p] = pushed - held + p;
      }
      trace.buffer(ring, pushed, pushed - held, items, held, trace.nowNs());
    }
  }

  /**
   * Every buffer event is followed at once by all its items, on its stream, in position order, as
   * {@link #takeBufferSnapshots} made them, and each buffer's snapshots come in the order taken.
   * Returns the number of buffer events.
   */
  private static long assertBuffersWhole(TraceSnapshot snapshot) {
    Map<String, Long> lastPushed = new HashMap<>();
    long buffers = 0;
    TraceCursor c = snapshot.cursor();
    while (c.next()) {
      assertNotEquals(EventKind.BUFFER_ITEM, c.kind(), "an item apart from its buffer");
      if (c.kind() != EventKind.BUFFER) {
        continue;
      }
      buffers++;
      long at = c.index();
      String ring = c.stream();
      long pushed = c.pushed();
      int held = c.held();
      assertEquals(pushed - held, c.evictions());
      assertTrue(pushed > lastPushed.getOrDefault(ring, -1L), () -> "out of order at " + at);
      lastPushed.put(ring, pushed);
      for (int p = 0; p < held; p++) {
        assertTrue(c.next(), () -> "the snapshot cut the buffer at " + at);
        assertEquals(EventKind.BUFFER_ITEM, c.kind(), () -> "an event inside the buffer at " + at);
        assertEquals(ring, c.stream());
        assertEquals(p, c.position());
        assertEquals(pushed - held + p, c.sequence());
      }
    }
    return buffers;
  }

  /**
   * Counts match a scan, and every writer's events form a prefix of its sequence: no gap, no event
   * seen twice, none torn (a kind that does not match its sequence).
   */
  private static void assertConsistent(TraceSnapshot snapshot) {
    Map<EventKind, Long> scanned = new EnumMap<>(EventKind.class);
    for (EventKind kind : EventKind.values()) {
      scanned.put(kind, 0L);
    }
    Map<String, Long> next = new HashMap<>();
    TraceCursor c = snapshot.cursor();
    long events = 0;
    while (c.next()) {
      events++;
      scanned.merge(c.kind(), 1L, Long::sum);
      long expected = next.merge(c.stream(), 1L, Long::sum) - 1;
      assertEquals(expected, c.sequence());
      assertEquals(kindOf(expected), c.kind());
      assertEquals(c.kind() == EventKind.DROP ? c.stream() + "-" + expected % 50 : "", c.detail());
    }
    assertEquals(snapshot.size(), events);
    assertEquals(scanned, snapshot.counts());
  }
}
