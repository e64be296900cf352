package dev.weir.harness.transport.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weir.harness.browser.Payload;
import dev.weir.harness.browser.TestPage;
import dev.weir.harness.transport.Sender;
import dev.weir.harness.transport.Transports;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Declared faults on an event stream (no order field of its own) show in what the page gets. */
class FaultsInTheBrowserTest {

  @RegisterExtension static final TestPage fixture = TestPage.withTransports("faults");
  private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor();

  @AfterAll
  static void stopTimer() {
    TIMER.shutdownNow();
  }

  @Test
  void thePageReceivesExactlyWhatTheFaultLogSays() {
    AtomicReference<Sender> subscribed = new AtomicReference<>();
    Transports.event(fixture.page()).offer("s", subscribed::set);
    fixture.eval("(window.got = [], weir.subscribe('event', 's', m => got.push(m)).then(() => true))");
    TestPage.soon().until(() -> subscribed.get() != null);

    List<String> log = new CopyOnWriteArrayList<>();
    FaultySender sender =
        new FaultySender(
            subscribed.get(), "s", 9,
            List.of(new TransportFault.Drop(0, 50, 0.3), new TransportFault.Duplicate(50, 60, 1),
                new TransportFault.Reorder(60, 80, 5)),
            TIMER, (effect, index, detail) -> log.add(effect + " " + index));
    for (int i = 0; i < 100; i++) {
      sender.send(Payload.json(Integer.toString(i)));
    }

    StringBuilder expected = new StringBuilder("[");
    for (int i = 0; i < 60; i++) {
      if (log.contains("DROPPED " + i)) {
        continue;
      }
      expected.append(i).append(',');
      if (log.contains("DUPLICATED " + i)) {
        expected.append(i).append(',');
      }
    }
    log.stream().filter(l -> l.startsWith("REORDERED")).forEach(l -> expected.append(l.substring(10)).append(','));
    for (int i = 80; i < 100; i++) {
      expected.append(i).append(i < 99 ? "," : "]");
    }
    TestPage.soon().until(() -> fixture.eval("got.length").equals(Integer.toString(expected.toString().split(",").length)));
    assertEquals(expected.toString(), fixture.eval("got"));
  }
}
