package dev.weir.harness.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weir.harness.browser.TestPage;
import dev.weir.harness.browser.Payload;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A streamed custom-scheme response read with fetch and a ReadableStream. */
class SchemeTransportTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @RegisterExtension static final TestPage fixture = TestPage.withTransports("scheme");

  private static String eval(String expression) {
    return fixture.eval(expression);
  }

  private Sender subscribe(Transport scheme) {
    AtomicReference<Sender> sender = new AtomicReference<>();
    scheme.offer("s", sender::set);
    eval("(window.got = [], weir.subscribe('scheme', 's', m => got.push(m))"
        + ".then(u => (window.unsubscribe = u, true)))");
    TestPage.soon().until(() -> sender.get() != null);
    return sender.get();
  }

  @Test
  void messagesArriveAsTheyAreSentWithJsonAndBytesFramed() {
    Sender sender = subscribe(Transports.on(fixture.page()).scheme());
    sender.send(Payload.json("{\"a\":\"é\"}"));
    TestPage.soon().until(() -> eval("got.length").equals("1")); // not held back to the end
    sender.send(Payload.bytes(new byte[] {5, 6}));
    sender.send(Payload.json("\"" + "w".repeat(200_000) + "\""));
    TestPage.soon().until(() -> eval("got.length").equals("3"));
    assertEquals(
        "[{\"a\":\"é\"},[5,6],200000]",
        eval("[got[0], Array.from(new Uint8Array(got[1])), got[2].length]"));
  }

  @Test
  void aHundredOpenCloseCyclesLeaveNoStreamBehind() {
    Transport scheme = Transports.on(fixture.page()).scheme();
    for (int cycle = 0; cycle < 100; cycle++) {
      Sender sender = subscribe(scheme);
      sender.send(Payload.json(Integer.toString(cycle)));
      TestPage.soon().until(() -> eval("got.length").equals("1"));
      if (cycle % 2 == 0) {
        sender.close(); // the backend ends it
      } else {
        eval("(unsubscribe(), true)"); // the page aborts its fetch
        TestPage.soon().until(() -> !sender.isOpen());
      }
    }
    assertEquals(0, Transports.unfetchedStreams());
  }
}
