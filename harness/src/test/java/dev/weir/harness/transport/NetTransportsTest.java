package dev.weir.harness.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.harness.browser.Payload;
import dev.weir.harness.browser.TestPage;
import dev.weir.harness.trace.EventFilter;
import dev.weir.harness.trace.EventKind;
import dev.weir.harness.trace.TraceCursor;
import dev.weir.harness.trace.TraceEvent;
import dev.weir.harness.transport.net.LoopbackServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** WebSocket and SSE subscriptions through the browser's own clients: ends, cycles, bytes. */
class NetTransportsTest {

  @RegisterExtension static final TestPage fixture = TestPage.withTransports("net-transports");
  private static LoopbackServer server;

  @BeforeAll
  static void startServer() {
    // A client that closes its EventSource is noticed at the next heartbeat: make that soon.
    server = LoopbackServer.start(LoopbackServer.Settings.DEFAULT.withHeartbeat(Duration.ofMillis(50)));
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  private static Sender subscribe(Transport transport, AtomicInteger subscriptions) {
    AtomicReference<Sender> sender = new AtomicReference<>();
    transport.offer("s", s -> {
      subscriptions.incrementAndGet();
      sender.set(s);
    });
    fixture.eval("(window.got = [], weir.subscribe('" + transport.kind() + "', 's', m => got.push(m))"
        + ".then(u => (window.unsubscribe = u, true)))");
    TestPage.soon().until(() -> sender.get() != null);
    return sender.get();
  }

  @Test
  void websocketCarriesJsonAndBytesAndCyclesLeaveNoConnection() {
    WebSocketTransport transport = (WebSocketTransport) Transports.on(fixture.page()).websocket(server);
    AtomicInteger subscriptions = new AtomicInteger();
    Sender first = subscribe(transport, subscriptions);
    first.send(Payload.json("{\"a\":1}"));
    first.send(Payload.bytes(new byte[] {7, 8}));
    TestPage.soon().until(() -> fixture.eval("got.length").equals("2"));
    assertEquals("[{\"a\":1},[7,8]]", fixture.eval("[got[0], Array.from(new Uint8Array(got[1]))]"));
    first.close();
    for (int cycle = 0; cycle < 100; cycle++) {
      Sender sender = subscribe(transport, subscriptions);
      if (cycle % 2 == 0) {
        sender.close();
      } else {
        fixture.eval("(unsubscribe(), true)");
      }
      TestPage.soon().until(() -> !sender.isOpen());
    }
    TestPage.soon().until(() -> transport.openSubscriptions() == 0);
    TestPage.soon().until(() -> server.counters().openConnections() == 0);
    assertEquals(101, subscriptions.get());
  }

  /**
   * A reconnection delay is the page's wait, so an attempt is timed from when the page began it,
   * not from when the server received it: here the page keeps its main thread busy for 300 ms
   * right after beginning, as a browser holding a WebSocket back would delay it. (A first
   * connection while the page is idle gives Java a fair reading of the page's clock.)
   */
  @Test
  void aWebSocketAttemptIsTimedFromWhenThePageBeganIt() {
    Transport transport = Transports.on(fixture.page()).websocket(server);
    subscribe(transport, new AtomicInteger()).close();
    AtomicReference<Sender> sender = new AtomicReference<>();
    transport.offer("held", sender::set);
    long before = transport.trace().nowNs();
    fixture.eval("(weir.subscribe('websocket', 'held', () => {}),"
        + " ((end) => { while (performance.now() < end) {} })(performance.now() + 300), true)");
    TestPage.soon().until(() -> sender.get() != null);
    TraceCursor attempt =
        transport.trace().snapshot().cursor(EventFilter.of(EventKind.CONNECT_ATTEMPT).onStream("held"));
    assertTrue(attempt.next(), "the server saw no attempt");
    long beganAfterNs = attempt.wallNs() - before;
    long heldNs = attempt.arrivalNs() - attempt.wallNs();
    assertTrue(heldNs >= 300_000_000L,
        "the attempt reached the server " + heldNs / 1e6 + " ms after the page began it, expected 300 or more");
    assertTrue(beganAfterNs < 150_000_000L,
        "timed " + beganAfterNs / 1e6 + " ms after the page was asked to begin, expected at once");
    sender.get().close();
  }

  /**
   * A retry's wait begins when the page heard that the attempt before it failed, which on a busy
   * machine comes well after the server refused (ledger entry 10): the retry says when. Here the
   * page's main thread is busy for 300 ms right after it made its first socket, so the refusal
   * reaches it only then, and it retries at once.
   */
  @Test
  void aWebSocketRetrySaysWhenThePageHeardThatTheAttemptBeforeFailed() {
    Transport transport = Transports.on(fixture.page()).websocket(server);
    subscribe(transport, new AtomicInteger()).close();
    transport.offer("refused", s -> {});
    server.down();
    try {
      // Busy for 300 ms right after the first socket is made, before its refusal can be heard.
      fixture.eval("(window.RealWebSocket = WebSocket, window.WebSocket = function (url) {"
          + " window.WebSocket = RealWebSocket; const socket = new RealWebSocket(url);"
          + " const end = performance.now() + 300; while (performance.now() < end) {}"
          + " return socket; }, true)");
      fixture.eval("(window.retried = weir.subscribe('websocket', 'refused', () => {})"
          + ".catch(() => weir.subscribe('websocket', 'refused', () => {})).then(() => 'open',"
          + " () => 'refused'), true)");
      assertEquals("\"refused\"", fixture.eval("retried"), "the retry was refused too");
    } finally {
      server.up();
    }
    var trace = transport.trace().snapshot();
    EventFilter refused = EventFilter.of(EventKind.REFUSAL, EventKind.LOSS_HEARD,
        EventKind.CONNECT_ATTEMPT).onStream("refused");
    assertEquals(List.of("connect-attempt", "refusal", "loss-heard", "connect-attempt", "refusal"),
        trace.events(refused).stream().map(e -> e.kind().label()).toList());
    TraceEvent refusal = trace.events(refused).get(1);
    TraceEvent heard = trace.events(refused).get(2);
    TraceEvent retry = trace.events(refused).get(3);
    long heardAfterNs = heard.wallNs() - refusal.wallNs();
    assertTrue(heardAfterNs >= 200_000_000L, "the page heard of the refusal "
        + heardAfterNs / 1e6 + " ms after it, expected about 300 (its main thread was busy)");
    assertTrue(heard.wallNs() <= retry.wallNs(), "heard at " + heard.wallNs()
        + " ns, after the retry it led to began (" + retry.wallNs() + " ns)");
  }

  @Test
  void sseEndsForGoodWhenTheBackendClosesAndCyclesLeaveNoConnection() {
    SseTransport transport = (SseTransport) Transports.on(fixture.page()).sse(server);
    AtomicInteger subscriptions = new AtomicInteger();
    Sender first = subscribe(transport, subscriptions);
    first.send(Payload.json("[1,\"line\\nbreak\"]"));
    TestPage.soon().until(() -> fixture.eval("got.length").equals("1"));
    assertEquals("[[1,\"line\\nbreak\"]]", fixture.eval("got"));
    first.close();
    for (int cycle = 0; cycle < 20; cycle++) {
      Sender sender = subscribe(transport, subscriptions);
      if (cycle % 2 == 0) {
        sender.close();
      } else {
        fixture.eval("(unsubscribe(), true)");
      }
      TestPage.soon().until(() -> !sender.isOpen());
    }
    TestPage.soon().until(() -> transport.openSubscriptions() == 0);
    TestPage.soon().until(() -> server.counters().openConnections() == 0);
    assertEquals(21, subscriptions.get(), "an EventSource reconnected after its stream ended");
  }
}
