package dev.weir.harness.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.harness.browser.BrowserRuntime;
import dev.weir.harness.browser.Page;
import dev.weir.harness.browser.Payload;
import dev.weir.harness.browser.TestPage;
import dev.weir.harness.trace.EventKind;
import dev.weir.harness.trace.Trace;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** App-wide events reach every page's listeners; a page's own events reach that page only. */
class GlobalEventsTest {

  @RegisterExtension static final TestPage fixture = TestPage.withTransports("global-events");

  private static String listen(Page page, String event) {
    return page.evaluate(
        "(window.got = window.got || {}, got['" + event + "'] = [],"
            + " weir.subscribe('event', '" + event + "', m => got['" + event + "'].push(m))"
            + ".then(u => ((window.stop = window.stop || {})['" + event + "'] = u, true)))",
        TestPage.WAIT);
  }

  private static String got(Page page, String event) {
    return page.evaluate("got['" + event + "'].length", TestPage.WAIT);
  }

  @Test
  void anAppWideEventReachesEveryPageAndATargetedOneItsPageOnly() {
    Trace trace = Trace.start();
    GlobalEvents hub = new GlobalEvents(trace);
    AtomicReference<Sender> tick = new AtomicReference<>();
    hub.offer("tick", tick::set);
    Page first = fixture.page();
    try (Page second = BrowserRuntime.shared().open(fixture.index())) {
      Transports.on(first, trace).event(hub);
      Transport secondEvents = Transports.on(second, trace).event(hub);
      AtomicReference<Sender> mine = new AtomicReference<>();
      secondEvents.offer("mine", mine::set);

      listen(first, "tick");
      listen(second, "tick");
      listen(first, "mine");
      listen(second, "mine");
      TestPage.soon().until(() -> tick.get() != null && mine.get() != null);
      for (int i = 0; i < 10; i++) {
        tick.get().send(Payload.json(Integer.toString(i)));
      }
      mine.get().send(Payload.json("\"only the second page\""));
      TestPage.soon().until(() -> got(first, "tick").equals("10") && got(second, "tick").equals("10"));
      TestPage.soon().until(() -> got(second, "mine").equals("1"));
      assertEquals("0", got(first, "mine"), "a targeted event reached another page");
      assertEquals("[0,1,2,3,4,5,6,7,8,9]", second.evaluate("got.tick", TestPage.WAIT));

      first.evaluate("__TAURI_INTERNALS__.weir.flushDeliveries().then(() => true)", TestPage.WAIT);
      second.evaluate("__TAURI_INTERNALS__.weir.flushDeliveries().then(() => true)", TestPage.WAIT);
      TestPage.soon().until(() -> trace.snapshot().count(EventKind.DELIVERY) == 21);
      assertEquals(11, trace.snapshot().count(EventKind.SEND));

      first.evaluate("Promise.resolve(stop.tick()).then(() => true)", TestPage.WAIT);
      assertTrue(tick.get().isOpen(), "the second page still listens");
      second.evaluate("location.reload(), true", TestPage.WAIT);
      TestPage.soon().until(() -> !tick.get().isOpen());
      assertEquals(0, hub.openSubscriptions());
      assertEquals(0, secondEvents.openSubscriptions());
      assertFalse(mine.get().isOpen(), "the reload did not end the page's own event");
    }
  }
}
