package dev.weir.harness.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.harness.browser.TestPage;
import dev.weir.harness.browser.Payload;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Events (listen/unlisten commands, delivery by evaluation) and polled commands. */
class EventAndCommandTransportTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @RegisterExtension static final TestPage fixture = TestPage.withTransports("events");

  private static String eval(String expression) {
    return fixture.eval(expression);
  }

  private Sender subscribe(Transport transport) {
    AtomicReference<Sender> sender = new AtomicReference<>();
    transport.offer("s", sender::set);
    eval("(window.got = [], weir.subscribe('" + transport.kind() + "', 's', m => got.push(m))"
        + ".then(u => (window.unsubscribe = u, true)))");
    TestPage.soon().until(() -> sender.get() != null);
    return sender.get();
  }

  @Test
  void anEventReachesEveryListenerAndStopsAfterTheLastUnlistens() {
    Transport events = Transports.on(fixture.page()).event();
    Sender sender = subscribe(events);
    eval("weir.subscribe('event', 's', m => (window.second ||= []).push(m)).then(u => (window.u2 = u, true))");
    sender.send(Payload.json("{\"v\":1}"));
    TestPage.soon().until(() -> eval("[got.length, (window.second || []).length]").equals("[1,1]"));

    eval("unsubscribe()");
    assertTrue(sender.isOpen(), "one listener is left");
    eval("u2()");
    TestPage.soon().until(() -> !sender.isOpen());
    assertThrows(IllegalStateException.class, () -> sender.send(Payload.json("2")));
    assertEquals(0, events.openSubscriptions());
  }

  @Test
  void eventsCarryJsonOnly() {
    Sender sender = subscribe(Transports.on(fixture.page()).event());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> sender.send(Payload.bytes(new byte[1])));
    assertEquals("Events carry JSON only, as in Tauri; got Bytes[1]", e.getMessage());
  }

  @Test
  void polledCommandsArriveInBatchesAndStopOnUnsubscribe() {
    CommandTransport commands = (CommandTransport) Transports.on(fixture.page()).command();
    Sender sender = subscribe(commands);
    for (int i = 0; i < 5000; i++) {
      sender.send(Payload.json(Integer.toString(i)));
    }
    TestPage.soon().until(() -> eval("got.length").equals("5000"));
    assertEquals("true", eval("got.every((m, i) => m === i)"));
    assertTrue(commands.polls() < 500, "5000 messages took " + commands.polls() + " polls");
    eval("unsubscribe()");
    TestPage.soon().until(() -> !sender.isOpen());
    assertFalse(sender.isOpen());
  }
}
