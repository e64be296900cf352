package dev.weir.harness.transport.fault;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.harness.browser.Payload;
import dev.weir.harness.trace.EventFilter;
import dev.weir.harness.trace.Trace;
import dev.weir.harness.transport.FaultTarget;
import dev.weir.harness.transport.Wire;
import dev.weir.harness.transport.fault.FaultLog.Effect;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Each fault's declared effect on what the target receives, and the log of what was applied. */
class FaultyWireTest {

  private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor();

  @AfterAll
  static void stopTimer() {
    TIMER.shutdownNow();
  }

  /** What reaches the target: the sequence numbers, in arrival order. */
  private static final class Received implements Wire {
    final List<Integer> seqs = new CopyOnWriteArrayList<>();
    volatile boolean closed;

    @Override
    public void send(long sequence, Payload message) {
      seqs.add(Integer.parseInt(((Payload.Json) message).text()));
    }

    @Override
    public void close() {
      closed = true;
    }

    @Override
    public boolean isOpen() {
      return !closed;
    }
  }

  /** Records what reload and disconnect faults asked of the page and server. */
  private static final class Reach implements FaultTarget {
    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public String stream() {
      return "accel";
    }

    @Override
    public Trace trace() {
      return Trace.start();
    }

    @Override
    public void reloadPage() {
      calls.add("reload");
    }

    @Override
    public void disconnect(Duration length) {
      calls.add("disconnect " + length.toMillis());
    }
  }

  private static final Reach REACH = new Reach();

  private record Applied(Effect effect, long index, long detail) {}

  private static List<Applied> run(Received into, long seed, int count, TransportFault... faults) {
    List<Applied> log = new CopyOnWriteArrayList<>();
    FaultyWire sender =
        new FaultyWire(into, "accel", seed, List.of(faults), TIMER, (e, i, d) -> log.add(new Applied(e, i, d)), REACH);
    for (int i = 0; i < count; i++) {
      sender.prepare(i);
      sender.send(i, Payload.json(Integer.toString(i)));
    }
    sender.close();
    await().atMost(Duration.ofSeconds(10)).until(() -> into.closed);
    return log;
  }

  private static List<Integer> range(int from, int until) {
    return IntStream.range(from, until).boxed().toList();
  }

  @Test
  void dropRemovesExactlyTheLoggedMessagesAndOnlyInItsRange() {
    Received got = new Received();
    List<Applied> log = run(got, 7, 100, new TransportFault.Drop(20, 60, 0.5));
    List<Integer> dropped = log.stream().map(a -> (int) a.index()).toList();
    assertTrue(dropped.size() > 5 && dropped.size() < 35, "dropped " + dropped.size() + " of 40");
    assertTrue(dropped.stream().allMatch(i -> i >= 20 && i < 60), dropped.toString());
    List<Integer> expected = new ArrayList<>(range(0, 100));
    expected.removeAll(dropped);
    assertEquals(expected, got.seqs);
  }

  @Test
  void duplicateSendsTheLoggedMessagesTwice() {
    Received got = new Received();
    List<Applied> log = run(got, 7, 30, new TransportFault.Duplicate(10, 20, 1.0));
    assertEquals(range(10, 20), log.stream().map(a -> (int) a.index()).toList());
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      expected.add(i);
      if (i >= 10 && i < 20) {
        expected.add(i);
      }
    }
    assertEquals(expected, got.seqs);
  }

  @Test
  void reorderPermutesWithinEachWindowOnly() {
    Received got = new Received();
    run(got, 7, 40, new TransportFault.Reorder(8, 24, 4));
    assertEquals(range(0, 8), got.seqs.subList(0, 8));
    assertEquals(range(24, 40), got.seqs.subList(24, 40));
    for (int w = 8; w < 24; w += 4) {
      List<Integer> window = new ArrayList<>(got.seqs.subList(w, w + 4));
      window.sort(null);
      assertEquals(range(w, w + 4), window, "window at " + w);
    }
    assertNotEquals(range(8, 24), got.seqs.subList(8, 24), "nothing was reordered");
  }

  @Test
  void aPartlyFilledReorderGroupGoesOutOnFlushNotWhenTheStreamEnds() {
    Received got = new Received();
    FaultyWire wire = new FaultyWire(got, "accel", 7, List.of(new TransportFault.Reorder(0, 100, 8)),
        TIMER, (e, i, d) -> {}, REACH);
    for (int i = 0; i < 11; i++) {
      wire.prepare(i);
      wire.send(i, Payload.json(Integer.toString(i)));
    }
    assertEquals(8, got.seqs.size(), "one full group of 8 out, 3 held for the next");
    wire.flush();
    assertEquals(range(8, 11), got.seqs.subList(8, 11));
    assertFalse(got.closed, "a flush does not end the stream");
  }

  @Test
  void theSameSeedMakesTheSameDecisionsAndAnotherSeedOthers() {
    TransportFault[] faults = {
      new TransportFault.Drop(0, 200, 0.2), new TransportFault.Reorder(0, 200, 5),
      new TransportFault.Duplicate(0, 200, 0.1)
    };
    Received a = new Received();
    Received b = new Received();
    Received c = new Received();
    run(a, 42, 200, faults);
    run(b, 42, 200, faults);
    run(c, 43, 200, faults);
    assertEquals(a.seqs, b.seqs);
    assertNotEquals(a.seqs, c.seqs);
  }

  @Test
  void delayHoldsMessagesBackAndTheStreamEndsAfterThem() {
    Received got = new Received();
    long start = System.nanoTime();
    List<Applied> log = run(got, 7, 10, new TransportFault.Delay(5, 10, Duration.ofMillis(200), Duration.ofMillis(50)));
    assertTrue(System.nanoTime() - start >= 200_000_000L, "closed before the delayed messages were due");
    assertEquals(range(0, 10), got.seqs.stream().sorted().toList());
    assertEquals(range(5, 10), log.stream().map(a -> (int) a.index()).toList());
    assertTrue(log.stream().allMatch(a -> a.detail() >= 200_000 && a.detail() <= 250_000), log.toString());
  }

  @Test
  void aStallStopsTheProducerBeforeItsMessage() {
    Received got = new Received();
    long start = System.nanoTime();
    List<Applied> log = run(got, 7, 5, new TransportFault.Stall(3, Duration.ofMillis(300)));
    assertTrue(System.nanoTime() - start >= 300_000_000L, "the producer did not stop");
    assertEquals(List.of(new Applied(Effect.STALLED, 3, 300)), log);
    assertEquals(range(0, 5), got.seqs);
  }

  @Test
  void theTraceRecordsEveryAppliedFaultAgainstItsMessage() {
    Trace trace = Trace.start();
    FaultyWire sender =
        new FaultyWire(
            new Received(), "accel", 3,
            List.of(new TransportFault.Drop(0, 10, 1), new TransportFault.Duplicate(10, 12, 1)),
            TIMER, new TracedFaults(trace, "accel"), REACH);
    for (int i = 0; i < 15; i++) {
      sender.prepare(i);
      sender.send(i, Payload.json(Integer.toString(i)));
    }
    List<String> events =
        trace.snapshot().events(EventFilter.all()).stream()
            .map(e -> e.kind().label() + " " + e.sequence() + " " + e.detail())
            .toList();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      expected.add("drop " + i + " fault");
    }
    expected.add("fault 10 duplicated 0");
    expected.add("fault 11 duplicated 0");
    assertEquals(expected, events);
  }

  @Test
  void badDeclarationsAreRefusedWithTheReason() {
    assertEquals(
        "A probability lies in [0, 1], got 1.5",
        assertThrows(IllegalArgumentException.class, () -> new TransportFault.Drop(0, 1, 1.5)).getMessage());
    assertEquals(
        "A fault applies to message indexes [from, until) with 0 <= from < until, got [5, 5)",
        assertThrows(IllegalArgumentException.class, () -> new TransportFault.Duplicate(5, 5, 0.1)).getMessage());
    assertEquals(
        "A reorder window must hold at least 2 messages, got 1",
        assertThrows(IllegalArgumentException.class, () -> new TransportFault.Reorder(0, 9, 1)).getMessage());
  }
}
