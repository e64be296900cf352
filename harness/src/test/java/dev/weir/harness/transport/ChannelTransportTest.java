package dev.weir.harness.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.harness.browser.TestPage;
import dev.weir.harness.browser.Payload;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Tauri's channel semantics in real Chromium: parking, overtaking, reordering, end, cleanup. */
class ChannelTransportTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @RegisterExtension static final TestPage fixture = TestPage.withTransports("channel");

  private static String eval(String expression) {
    return fixture.eval(expression);
  }

  /** Subscribes, recording both the raw arrival order of indexes and what the Channel delivers. */
  private Sender subscribe(Transport channel) {
    AtomicReference<Sender> sender = new AtomicReference<>();
    channel.offer("s", sender::set);
    eval(
        "(async () => { window.raw = []; window.got = [];"
            + " window.callbacksBefore = __TAURI_INTERNALS__.callbacks.size;"
            + " window.unsubscribe = await weir.subscribe('channel', 's', m => got.push(m));"
            + " for (const [id, cb] of __TAURI_INTERNALS__.callbacks)"
            + "   __TAURI_INTERNALS__.callbacks.set(id, d => { raw.push('end' in d ? 'end' : d.index); cb(d); });"
            + " return true; })()");
    TestPage.soon().until(() -> sender.get() != null);
    return sender.get();
  }

  @Test
  void largeMessagesAreParkedAndOvertakenButDeliveredInIndexOrder() {
    Sender sender = subscribe(Transports.on(fixture.page()).channel());
    String large = "\"" + "x".repeat(9000) + "\"";
    for (int i = 0; i < 20; i++) {
      sender.send(Payload.json(i % 2 == 0 ? large : Integer.toString(i)));
    }
    sender.close();
    TestPage.soon().until(() -> eval("got.length").equals("20"));
    assertEquals("[0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19]",
        eval("got.map((m, i) => typeof m === 'string' ? (m.length === 9000 ? i : -1) : m)"));
    // Which large message a small one overtakes depends on when each fetch answers; that one did
    // is what the channel's parking allows (the first pair alone sometimes arrives in order).
    assertEquals("true", eval("raw.some((m, k) => typeof m === 'number' && m % 2 === 1"
        + " && raw.indexOf(m - 1) > k)"), "no small message overtook: " + eval("raw"));
    assertEquals(0, Transports.parkedPayloads());
    TestPage.soon().until(() -> eval("__TAURI_INTERNALS__.callbacks.size === callbacksBefore").equals("true"));
  }

  @Test
  void theEndMessageCarriesTheCountAndWaitsForTheGapToClose() {
    Sender sender = subscribe(Transports.on(fixture.page()).channel());
    sender.send(Payload.json("\"" + "y".repeat(10_000) + "\""));
    sender.send(Payload.json("1"));
    sender.close();
    TestPage.soon().until(() -> eval("got.length").equals("2"));
    assertEquals("[0,1,\"end\"]", eval("raw.slice().sort((a, b) => a === 'end' ? 1 : b === 'end' ? -1 : a - b)"));
    TestPage.soon().until(() -> eval("__TAURI_INTERNALS__.callbacks.size === callbacksBefore").equals("true"));
  }

  @Test
  void rawPayloadsArriveAsArrayBuffersInlineAndParked() {
    Sender sender = subscribe(Transports.on(fixture.page()).channel());
    sender.send(Payload.bytes(new byte[] {1, 2, 3}));
    byte[] big = new byte[5000];
    big[4999] = 7;
    sender.send(Payload.bytes(big));
    TestPage.soon().until(() -> eval("got.length").equals("2"));
    assertEquals(
        "[[true,3,3],[true,5000,7]]",
        eval("got.map(b => [b instanceof ArrayBuffer, b.byteLength, new Uint8Array(b)[b.byteLength - 1]])"));
  }

  @Test
  void thresholdsAreConfigurable() {
    Sender sender = subscribe(Transports.on(fixture.page()).channel(new Thresholds(4, 1024)));
    sender.send(Payload.json("12345"));
    sender.send(Payload.json("1"));
    TestPage.soon().until(() -> eval("got.length").equals("2"));
    assertEquals("[12345,1]", eval("got"));
    assertEquals("true", eval("raw.indexOf(1) < raw.indexOf(0)"), "5 bytes of JSON were not parked: " + eval("raw"));
  }

  @Test
  void aHundredOpenCloseCyclesLeaveNothingBehind() {
    ChannelTransport channel = (ChannelTransport) Transports.on(fixture.page()).channel();
    String before = eval("__TAURI_INTERNALS__.callbacks.size");
    for (int cycle = 0; cycle < 100; cycle++) {
      AtomicReference<Sender> sender = new AtomicReference<>();
      channel.offer("s", sender::set);
      eval("weir.subscribe('channel', 's', m => {}).then(u => (window.u = u, true))");
      TestPage.soon().until(() -> sender.get() != null);
      sender.get().send(Payload.json("\"" + "z".repeat(9000) + "\""));
      if (cycle % 2 == 0) {
        sender.get().close(); // the backend ends it
      } else {
        eval("window.u()"); // the page unsubscribes
      }
    }
    TestPage.soon().until(() -> eval("__TAURI_INTERNALS__.callbacks.size").equals(before));
    TestPage.soon().until(() -> Transports.parkedPayloads() == 0);
    assertEquals(0, channel.openSubscriptions());
  }
}
