package dev.weir.harness.transport;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.harness.browser.Payload;
import dev.weir.harness.trace.EventFilter;
import dev.weir.harness.trace.EventKind;
import dev.weir.harness.trace.Trace;
import dev.weir.harness.trace.TraceEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A message a blocking window holds when its subscription ends never left: it is not silently
 * swallowed (the producer counting it sent, a checker calling it lost), but recorded as a drop
 * {@code unsent}, and the producer's send fails so that it sends the reading to the next one.
 */
class WindowedWireTest {

  /** The transport's wire, as far as the window sees it: what it passed on, and open or not. */
  private static final class Page implements TransportWire {
    final List<Long> passed = new CopyOnWriteArrayList<>();
    volatile boolean open = true;

    @Override
    public void send(long sequence, Payload message) {
      passed.add(sequence);
    }

    @Override
    public void close() {
      open = false;
    }

    @Override
    public boolean isOpen() {
      return open;
    }

    @Override
    public void detach() {
      open = false;
    }
  }

  @Test
  void aMessageHeldWhenTheSubscriptionEndsIsDroppedUnsentAndItsSendFails() {
    Trace trace = Trace.start();
    TracedStream traced = new TracedStream(trace, "channel", "s");
    Page page = new Page();
    WindowedWire window =
        new WindowedWire(page, new Backpressure(1, 1 << 20, Backpressure.Policy.BLOCK), traced);
    window.send(0, Payload.json("0"));
    CompletableFuture<Void> held = CompletableFuture.runAsync(() -> window.send(1, Payload.json("1")));
    await().during(Duration.ofMillis(50)).atMost(Duration.ofSeconds(1)).until(() -> !held.isDone());

    page.detach();
    window.detached(); // what the subscription does as the page leaves

    Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, held::join);
    assertTrue(e.getCause() instanceof IllegalStateException, e.toString());
    assertEquals(List.of(0L), page.passed);
    List<TraceEvent> drops = trace.snapshot().events(EventFilter.of(EventKind.DROP));
    assertEquals(1, drops.size());
    assertEquals(1, drops.get(0).sequence());
    assertEquals(WindowedWire.UNSENT, drops.get(0).detail());
  }
}
