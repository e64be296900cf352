package dev.weir.harness.transport.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.harness.browser.Payload;
import dev.weir.harness.browser.TestPage;
import dev.weir.harness.trace.EventFilter;
import dev.weir.harness.trace.EventKind;
import dev.weir.harness.trace.Trace;
import dev.weir.harness.trace.TraceEvent;
import dev.weir.harness.transport.Offer;
import dev.weir.harness.transport.Transport;
import dev.weir.harness.transport.Transports;
import dev.weir.harness.transport.net.LoopbackServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each transport fault, declared on a stream carried to a real page, shows in the trace exactly as
 * declared: the fault events name the messages the seed chose, and the page's deliveries show the
 * effect (missing, twice, permuted, late, spaced out, cut off, resumed).
 */
class FaultsInTheTraceTest {

  private static final long SEED = 9;

  @RegisterExtension static final TestPage fixture = TestPage.withTransports("faults");
  private static LoopbackServer server;

  @BeforeAll
  static void startServer() {
    server = LoopbackServer.start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  /**
   * Offers stream "s" with {@code faults}, subscribes the page and sends {@code n} messages (the
   * JSON numbers 0..n-1), {@code gapMillis} apart, stopping early if the subscription ends.
   */
  private static Trace run(Transport transport, int n, long gapMillis, TransportFault... faults) {
    CompletableFuture<Void> produced = new CompletableFuture<>();
    transport.offer(
        "s",
        Offer.PLAIN.withFaults(new Faults(SEED, List.of(faults))),
        sender ->
            CompletableFuture.runAsync(
                    () -> {
                      for (int i = 0; i < n && sender.isOpen(); i++) {
                        try {
                          sender.send(Payload.json(Integer.toString(i)));
                        } catch (IllegalStateException ended) {
                          break; // a reload or disconnect ended the subscription
                        }
                        LockSupport.parkNanos(gapMillis * 1_000_000);
                      }
                      sender.close();
                    })
                .whenComplete((v, e) -> {
                  if (e == null) {
                    produced.complete(null);
                  } else {
                    produced.completeExceptionally(e);
                  }
                }));
    fixture.eval(
        "(window.got = [], weir.subscribe('" + transport.kind() + "', 's', m => got.push(m))"
            + ".then(() => true))");
    TestPage.soon().until(produced::isDone);
    produced.join();
    return transport.trace();
  }

  /** The sequences the page reported, in delivery order, once there are {@code count}. */
  private static List<Long> delivered(Trace trace, int count) {
    TestPage.soon().until(() -> fixture.eval("got.length").equals(Integer.toString(count)));
    fixture.eval("__TAURI_INTERNALS__.weir.flushDeliveries().then(() => true)");
    TestPage.soon().until(() -> trace.snapshot().count(EventKind.DELIVERY) == count);
    return sequences(trace, EventKind.DELIVERY, d -> true);
  }

  private static List<TraceEvent> events(Trace trace, EventKind kind, Predicate<String> detail) {
    return trace.snapshot().events(EventFilter.of(kind)).stream()
        .filter(e -> detail.test(e.detail()))
        .toList();
  }

  private static List<Long> sequences(Trace trace, EventKind kind, Predicate<String> detail) {
    return events(trace, kind, detail).stream().map(TraceEvent::sequence).toList();
  }

  private static Map<Long, TraceEvent> bySequence(Trace trace, EventKind kind) {
    return events(trace, kind, d -> true).stream()
        .collect(Collectors.toMap(TraceEvent::sequence, e -> e, (a, b) -> a));
  }

  private static List<Long> range(long from, long until) {
    return LongStream.range(from, until).boxed().toList();
  }

  private Transport channel() {
    return Transports.on(fixture.page()).channel();
  }

  @Test
  void dropRemovesExactlyTheMessagesItRecords() {
    Trace trace = run(channel(), 200, 0, new TransportFault.Drop(50, 150, 0.3));
    List<Long> dropped = sequences(trace, EventKind.DROP, "fault"::equals);
    assertTrue(dropped.size() > 10 && dropped.stream().allMatch(s -> s >= 50 && s < 150), dropped::toString);
    List<Long> expected = new ArrayList<>(range(0, 200));
    expected.removeAll(dropped);
    assertEquals(expected, delivered(trace, expected.size()));
  }

  @Test
  void duplicateDeliversExactlyTheRecordedMessagesTwice() {
    Trace trace = run(channel(), 100, 0, new TransportFault.Duplicate(20, 60, 0.5));
    List<Long> twice = sequences(trace, EventKind.FAULT, "duplicated 0"::equals);
    assertTrue(twice.size() > 5 && twice.stream().allMatch(s -> s >= 20 && s < 60), twice::toString);
    List<Long> expected = new ArrayList<>();
    for (long i = 0; i < 100; i++) {
      expected.add(i);
      if (twice.contains(i)) {
        expected.add(i);
      }
    }
    assertEquals(expected, delivered(trace, expected.size()));
  }

  @Test
  void reorderDeliversEachGroupInTheRecordedPermutation() {
    Trace trace = run(Transports.on(fixture.page()).event(), 100, 0, new TransportFault.Reorder(10, 40, 6));
    List<Long> released = sequences(trace, EventKind.FAULT, d -> d.startsWith("reordered "));
    assertEquals(30, released.size());
    assertTrue(!released.equals(range(10, 40)), "the seed left every group in order");
    List<Long> expected = new ArrayList<>(range(0, 10));
    expected.addAll(released);
    expected.addAll(range(40, 100));
    assertEquals(expected, delivered(trace, 100));
  }

  @Test
  void aFixedDelayHoldsEachMessageAtLeastThatLongAndLetsLaterOnesOvertake() {
    Trace trace = run(channel(), 100, 0, new TransportFault.Delay(0, 10, Duration.ofMillis(80), Duration.ZERO));
    assertEquals(range(0, 10), sequences(trace, EventKind.FAULT, "delayed 80000"::equals));
    List<Long> expected = new ArrayList<>(range(10, 100));
    expected.addAll(range(0, 10));
    assertEquals(expected, delivered(trace, 100));
    Map<Long, TraceEvent> sends = bySequence(trace, EventKind.SEND);
    for (TraceEvent delivery : events(trace, EventKind.DELIVERY, d -> true)) {
      if (delivery.sequence() < 10) {
        long held = delivery.wallNs() - sends.get(delivery.sequence()).wallNs();
        assertTrue(held >= 80_000_000L, delivery.sequence() + " was held " + held + " ns");
      }
    }
  }

  @Test
  void aJitteredDelayIsSeededAndHoldsEachMessageAtLeastItsDraw() {
    List<String> draws = null;
    for (int run = 0; run < 2; run++) {
      fixture.reopen();
      Trace trace =
          run(channel(), 30, 0, new TransportFault.Delay(0, 30, Duration.ofMillis(10), Duration.ofMillis(40)));
      delivered(trace, 30);
      List<TraceEvent> delays = events(trace, EventKind.FAULT, d -> d.startsWith("delayed "));
      Map<Long, TraceEvent> sends = bySequence(trace, EventKind.SEND);
      Map<Long, TraceEvent> deliveries = bySequence(trace, EventKind.DELIVERY);
      for (TraceEvent delay : delays) {
        long micros = Long.parseLong(delay.detail().substring(8));
        assertTrue(micros >= 10_000 && micros < 50_000, delay.toString());
        long held = deliveries.get(delay.sequence()).wallNs() - sends.get(delay.sequence()).wallNs();
        assertTrue(held >= micros * 1000, delay.sequence() + " held " + held + " ns < " + micros + " µs");
      }
      List<String> these = delays.stream().map(e -> e.sequence() + " " + e.detail()).toList();
      assertTrue(these.stream().distinct().count() == 30 && new java.util.HashSet<>(these.stream().map(t -> t.split(" ")[2]).toList()).size() > 10, "no jitter: " + these);
      if (draws != null) {
        assertEquals(draws, these, "the same seed drew other delays");
      }
      draws = these;
    }
  }

  @Test
  void aStallStopsTheProducerBeforeItsMessage() {
    Trace trace = run(channel(), 100, 0, new TransportFault.Stall(50, Duration.ofMillis(300)));
    assertEquals(List.of(50L), sequences(trace, EventKind.FAULT, "stalled 300"::equals));
    Map<Long, TraceEvent> sends = bySequence(trace, EventKind.SEND);
    long gap = sends.get(50L).wallNs() - sends.get(49L).wallNs();
    assertTrue(gap >= 300_000_000L, "sends 49 and 50 were " + gap + " ns apart");
    assertEquals(range(0, 100), delivered(trace, 100));
  }

  @Test
  void aSlowConsumerSpacesOutItsDeliveries() {
    Trace trace = run(channel(), 60, 0, new TransportFault.SlowConsumer(20, 40, Duration.ofMillis(15)));
    assertEquals(range(0, 60), delivered(trace, 60));
    Map<Long, TraceEvent> deliveries = bySequence(trace, EventKind.DELIVERY);
    for (long i = 20; i < 40; i++) {
      long spacing = deliveries.get(i + 1).wallNs() - deliveries.get(i).wallNs();
      // performance.now() is coarsened to 0.1 ms, so a 15 ms wait may read as 14.9
      assertTrue(spacing >= 14_800_000L, "deliveries " + i + " and " + (i + 1) + ": " + spacing + " ns");
    }
  }

  @Test
  void aReloadEndsTheSubscriptionAndStopsTheProducer() {
    Transport channel = channel();
    Trace trace = run(channel, 2000, 1, new TransportFault.Reload(30));
    assertEquals(List.of(30L), sequences(trace, EventKind.FAULT, "reloaded 0"::equals));
    List<TraceEvent> closes = events(trace, EventKind.CLOSE, "reload"::equals);
    assertEquals(1, closes.size());
    assertTrue(closes.get(0).index() > events(trace, EventKind.FAULT, d -> true).get(0).index());
    assertTrue(trace.snapshot().count(EventKind.SEND) < 2000, "the producer ran on");
    assertEquals(0, channel.openSubscriptions());
    assertEquals("\"undefined\"", fixture.eval("typeof window.got"), "the page was not reloaded");
  }

  @Test
  void anSseDisconnectIsRefusedForItsLengthThenResumesWithoutLossOrDuplicates() {
    Trace trace =
        run(Transports.on(fixture.page()).sse(server), 300, 2, new TransportFault.Disconnect(100, Duration.ofMillis(600)));
    assertEquals(List.of(100L), sequences(trace, EventKind.FAULT, "disconnected 600"::equals));
    assertEquals(range(0, 300), delivered(trace, 300));
    TraceEvent fault = events(trace, EventKind.FAULT, d -> true).get(0);
    List<TraceEvent> refusals = events(trace, EventKind.REFUSAL, "down"::equals);
    assertFalse(refusals.isEmpty(), "no reconnection was refused while down");
    TraceEvent resume = events(trace, EventKind.OPEN, "resume"::equals).get(0);
    assertTrue(resume.wallNs() - fault.wallNs() >= 600_000_000L, "resumed during the outage");
    assertEquals(1, events(trace, EventKind.CLOSE, "disconnected"::equals).size());
    assertTrue(refusals.stream().allMatch(r -> r.index() > fault.index() && r.index() < resume.index()));
  }

  @Test
  void aWebSocketDisconnectClosesTheConnectionAndRefusesReconnectsUntilItEnds() {
    Transport websocket = Transports.on(fixture.page()).websocket(server);
    Trace trace = run(websocket, 2000, 1, new TransportFault.Disconnect(50, Duration.ofMillis(1500)));
    assertEquals(List.of(50L), sequences(trace, EventKind.FAULT, "disconnected 1500"::equals));
    assertEquals(1, events(trace, EventKind.CLOSE, "closed 1001"::equals).size());
    assertTrue(trace.snapshot().count(EventKind.SEND) < 2000, "the producer ran on");
    assertTrue(server.isDown());
    assertEquals(
        "\"refused\"",
        fixture.eval("weir.subscribe('websocket', 's', m => {}).then(() => 'open', () => 'refused')"));
    assertFalse(events(trace, EventKind.REFUSAL, "down"::equals).isEmpty());
    TestPage.soon().until(() -> !server.isDown());
    assertEquals(
        "\"open\"",
        fixture.eval("weir.subscribe('websocket', 's', m => {}).then(() => 'open', () => 'refused')"));
    // The page's socket opens when the handshake's answer arrives, which can be before the
    // server's side of it has recorded the open: wait for it.
    TestPage.soon().until(() -> events(trace, EventKind.OPEN, d -> true).size() == 2);
    assertEquals(2, events(trace, EventKind.OPEN, d -> true).size());
  }
}
