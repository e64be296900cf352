package dev.weir.harness.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weir.harness.browser.Payload;
import dev.weir.harness.browser.TestPage;
import dev.weir.harness.trace.EventKind;
import dev.weir.harness.transport.net.LoopbackServer;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * 100 open/close cycles per transport, half ended by the backend and half by the page (events,
 * which have no end in Tauri, always by the page), each carrying a message, leave nothing behind:
 * no open subscription, no JS callback, no parked payload or unfetched stream, no connection or
 * socket at the server, no thread pool larger than before; and the trace has 101 opens.
 */
class CyclesTest {

  private static final int CYCLES = 100;

  @RegisterExtension static final TestPage fixture = TestPage.withTransports("cycles");
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

  private static Sender subscribe(Transport transport) {
    AtomicReference<Sender> sender = new AtomicReference<>();
    transport.offer("s", sender::set);
    fixture.eval("(window.got = [], weir.subscribe('" + transport.kind() + "', 's', m => got.push(m))"
        + ".then(u => (window.unsubscribe = u, true)))");
    TestPage.soon().until(() -> sender.get() != null);
    return sender.get();
  }

  /**
   * The JVM's threads counted by pool, the name without its trailing number (Awaitility's own
   * polling threads left out). Counted, not named: a pool at its minimum may let an old thread go
   * idle and keep one it started during the cycles, so a name new since the start is no leak, but a
   * pool larger than it was is.
   */
  private static Map<String, Long> threads() {
    return Thread.getAllStackTraces().keySet().stream()
        .map(thread -> thread.getName().replaceFirst("-\\d+$", ""))
        .filter(pool -> !pool.startsWith("awaitility"))
        .collect(Collectors.groupingBy(pool -> pool, TreeMap::new, Collectors.counting()));
  }

  /** The pools with more threads now than {@code before}, and how many more. */
  private static Map<String, Long> grown(Map<String, Long> before) {
    Map<String, Long> grown = new TreeMap<>();
    threads().forEach((pool, count) -> {
      long more = count - before.getOrDefault(pool, 0L);
      if (more > 0) {
        grown.put(pool, more);
      }
    });
    return grown;
  }

  @ParameterizedTest
  @ValueSource(strings = {"channel", "event", "command", "scheme", "websocket", "sse"})
  void openCloseCyclesLeaveNothingBehind(String kind) {
    Transport transport = TransportsTest.transport(kind, fixture.page(), server);
    Sender warmUp = subscribe(transport);
    warmUp.send(Payload.json("0"));
    TestPage.soon().until(() -> fixture.eval("got.length").equals("1"));
    fixture.eval("Promise.resolve(unsubscribe()).then(() => true)");
    TestPage.soon().until(() -> transport.openSubscriptions() == 0);
    String callbacks = fixture.eval("__TAURI_INTERNALS__.callbacks.size");
    Map<String, Long> threads = threads();

    for (int cycle = 0; cycle < CYCLES; cycle++) {
      Sender sender = subscribe(transport);
      sender.send(Payload.json(Integer.toString(cycle)));
      TestPage.soon().until(() -> fixture.eval("got.length").equals("1"));
      if (cycle % 2 == 0 && !kind.equals("event")) {
        sender.close();
      } else {
        fixture.eval("Promise.resolve(unsubscribe()).then(() => true)");
      }
      TestPage.soon().until(() -> !sender.isOpen());
    }

    TestPage.soon().until(() -> transport.openSubscriptions() == 0);
    TestPage.soon().until(() -> fixture.eval("__TAURI_INTERNALS__.callbacks.size").equals(callbacks));
    TestPage.soon().until(() -> server.counters().openConnections() == 0);
    TestPage.soon().until(() -> server.counters().openSockets() == 0);
    TestPage.soon().untilAsserted(() -> assertEquals(Map.of(), grown(threads), "threads left running"));
    assertEquals(0, Transports.parkedPayloads());
    assertEquals(0, Transports.unfetchedStreams());
    assertEquals(CYCLES + 1, transport.trace().snapshot().count(EventKind.OPEN));
  }
}
