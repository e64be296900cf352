package dev.weir.harness.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weir.harness.browser.Payload;
import dev.weir.harness.browser.TestPage;
import dev.weir.harness.trace.EventKind;
import dev.weir.harness.trace.Trace;
import dev.weir.harness.trace.TraceCursor;
import dev.weir.harness.transport.net.LoopbackServer;
import dev.weir.harness.transport.net.Outage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@code weir.subscribe} tells the page: each message with its stream sequence, and how the
 * stream ended ({@code onclose}) — once, and never after the page unsubscribed itself.
 */
class SubscribeEndsTest {

  @RegisterExtension static final TestPage fixture = TestPage.withTransports("subscribe-ends");
  private static LoopbackServer server;

  @BeforeAll
  static void startServer() {
    server = LoopbackServer.start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  private static Sender subscribe(Transport transport) {
    AtomicReference<Sender> sender = new AtomicReference<>();
    transport.offer("s", sender::set);
    fixture.eval("(window.got = [], window.ends = [], weir.subscribe('" + transport.kind() + "', 's',"
        + " (m, seq) => got.push([m, seq]), { onclose: (why) => ends.push(why) })"
        + ".then(u => (window.unsubscribe = u, true)))");
    TestPage.soon().until(() -> sender.get() != null);
    return sender.get();
  }

  @ParameterizedTest
  @ValueSource(strings = {"channel", "command", "scheme", "websocket", "sse"})
  void theBackendsEndIsToldOnceAndTheMessagesCarryTheirSequence(String kind) {
    Transport transport = TransportsTest.transport(kind, fixture.page(), server);
    Sender sender = subscribe(transport);
    for (int i = 0; i < 3; i++) {
      sender.send(Payload.json("\"m" + i + "\""));
    }
    sender.close();
    TestPage.soon().until(() -> fixture.eval("ends.length").equals("1"));
    assertEquals("[[\"m0\",0],[\"m1\",1],[\"m2\",2]]", fixture.eval("got"));
    assertEquals("[\"end\"]", fixture.eval("ends"));

    Sender again = subscribe(transport);
    again.send(Payload.json("\"m3\""));
    TestPage.soon().until(() -> fixture.eval("got.length").equals("1"));
    assertEquals("[[\"m3\",3]]", fixture.eval("got"), "the sequence continues across subscriptions");
    fixture.eval("Promise.resolve(unsubscribe()).then(() => true)");
    TestPage.soon().until(() -> !again.isOpen());
    assertEquals("[]", fixture.eval("ends"), "told of its own unsubscribe");
  }

  @ParameterizedTest
  @ValueSource(strings = {"channel", "event", "command", "scheme", "websocket", "sse"})
  void closingThePageEndsItsSubscriptions(String kind) {
    Trace trace = Trace.start();
    Transport transport = Transports.on(fixture.page(), trace).of(kind, server);
    Sender sender = subscribe(transport);
    fixture.page().close();
    TestPage.soon().until(() -> !sender.isOpen() && transport.openSubscriptions() == 0);
    TraceCursor event = trace.snapshot().cursor();
    List<String> closes = new ArrayList<>();
    while (event.next()) {
      if (event.kind() == EventKind.CLOSE) {
        closes.add(event.detail());
      }
    }
    assertEquals(1, closes.size(), "one close: " + closes);
    if (List.of("channel", "event", "command").contains(kind)) {
      assertEquals("page-close", closes.get(0), "only the page's close can end an IPC stream");
    } // else the closing renderer also cuts the fetch or socket, and either close may come first

  }

  @Test
  void aWebSocketCutByTheServerIsClosedNotEnded() {
    Sender sender = subscribe(Transports.on(fixture.page()).websocket(server));
    server.down(Outage.DEFAULT);
    try {
      TestPage.soon().until(() -> fixture.eval("ends.length").equals("1"));
      assertEquals("[\"closed\"]", fixture.eval("ends"));
      TestPage.soon().until(() -> !sender.isOpen());
    } finally {
      server.up();
    }
  }

  @Test
  void anEventSourceRefusedForGoodIsClosed() {
    subscribe(Transports.on(fixture.page()).sse(server));
    server.down(Outage.DEFAULT.withAnswer(Outage.Answer.SERVICE_UNAVAILABLE));
    try {
      TestPage.soon().until(() -> fixture.eval("ends.length").equals("1"));
      assertEquals("[\"closed\"]", fixture.eval("ends"));
    } finally {
      server.up();
    }
  }
}
