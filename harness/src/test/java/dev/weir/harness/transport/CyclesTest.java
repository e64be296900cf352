package dev.weir.harness.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weir.harness.browser.Payload;
import dev.weir.harness.browser.TestPage;
import dev.weir.harness.trace.EventKind;
import dev.weir.harness.transport.net.LoopbackServer;
import java.time.Duration;
import java.util.Set;
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
 * socket at the server, no thread that was not there before; and the trace has 101 opens.
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
   * The JVM's threads by name, but Awaitility's own polling threads. Pools name
   * their threads uniquely (pool and number), so a thread started by a cycle and left running
   * shows as a name not there before.
   */
  private static Set<String> threads() {
    return Thread.getAllStackTraces().keySet().stream()
        .map(Thread::getName)
        .filter(name -> !name.startsWith("awaitility"))
        .collect(Collectors.toSet());
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
    Set<String> threads = threads();

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
    TestPage.soon().until(() -> threads.containsAll(threads()));
    assertEquals(0, Transports.parkedPayloads());
    assertEquals(0, Transports.unfetchedStreams());
    assertEquals(CYCLES + 1, transport.trace().snapshot().count(EventKind.OPEN));
  }
}
