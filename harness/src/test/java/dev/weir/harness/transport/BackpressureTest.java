package dev.weir.harness.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.harness.browser.TestPage;
import dev.weir.harness.browser.Payload;
import dev.weir.harness.transport.Backpressure.Policy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Credit windows on channel and scheme, against a page whose consumer spends 1 ms per message. */
class BackpressureTest {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final int MESSAGES = 1000;
  private static final int WINDOW = 16;

  @RegisterExtension static final TestPage fixture = TestPage.withTransports("backpressure");

  /** Runs the producer to the end; returns the sender, the highest in-flight count seen. */
  private WindowedWire run(Policy policy, AtomicInteger maxInFlight) {
    return run(Transports.on(fixture.page()).channel(), policy, maxInFlight);
  }

  private WindowedWire run(Transport channel, Policy policy, AtomicInteger maxInFlight) {
    return run(channel, new Backpressure(WINDOW, 1 << 20, policy), maxInFlight);
  }

  private WindowedWire run(Transport channel, Backpressure bounds, AtomicInteger maxInFlight) {
    AtomicReference<WindowedWire> window = new AtomicReference<>();
    CompletableFuture<Void> produced = new CompletableFuture<>();
    channel.offer(
        "s",
        bounds,
        s -> {
          window.set((WindowedWire) s.wire());
          CompletableFuture.runAsync(
                  () -> {
                    for (int i = 0; i < MESSAGES; i++) {
                      s.send(Payload.json(Integer.toString(i)));
                      maxInFlight.accumulateAndGet(window.get().inFlight(), Math::max);
                    }
                    s.close();
                  })
              .whenComplete((v, e) -> {
                if (e == null) {
                  produced.complete(null);
                } else {
                  produced.completeExceptionally(e);
                }
              });
        });
    fixture.page().evaluate(
        "(window.got = [], weir.subscribe('" + channel.kind() + "', 's', m => {"
            + " const until = performance.now() + 1; while (performance.now() < until) {}"
            + " got.push(m); }), true)",
        WAIT);
    TestPage.soon().until(produced::isDone);
    produced.join();
    return window.get();
  }

  private int[] received() {
    String got = fixture.page().evaluate("got", WAIT);
    return got.equals("[]")
        ? new int[0]
        : java.util.Arrays.stream(got.substring(1, got.length() - 1).split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
  }

  private static void assertIncreasing(int[] values) {
    for (int i = 1; i < values.length; i++) {
      assertTrue(values[i] > values[i - 1], "out of order at " + i + ": " + values[i - 1] + ", " + values[i]);
    }
  }

  @Test
  void blockKeepsTheWindowAndLosesNothing() {
    AtomicInteger maxInFlight = new AtomicInteger();
    WindowedWire sender = run(Policy.BLOCK, maxInFlight);
    TestPage.soon().until(() -> received().length == MESSAGES);
    assertIncreasing(received());
    assertEquals(0, sender.dropped());
    assertTrue(maxInFlight.get() <= WINDOW, "in flight: " + maxInFlight.get());
  }

  @Test
  void aSchemeStreamBlocksOnItsWindowToo() {
    AtomicInteger maxInFlight = new AtomicInteger();
    WindowedWire sender = run(Transports.on(fixture.page()).scheme(), Policy.BLOCK, maxInFlight);
    TestPage.soon().until(() -> received().length == MESSAGES);
    assertIncreasing(received());
    assertEquals(0, sender.dropped());
    assertTrue(maxInFlight.get() <= WINDOW, "in flight: " + maxInFlight.get());
  }

  /**
   * The page acknowledges every quarter window of messages (250 here), but 64 bytes hold about 25
   * of these: credit must come back without waiting for the count (it once never did, and the
   * stream stopped for good at its first window).
   */
  @Test
  void aWindowItsBytesFillBeforeItsAcknowledgementCountStillFlows() {
    for (Function<Transports, Transport> windowed : List.<Function<Transports, Transport>>of(
        Transports::channel, Transports::scheme)) {
      Transport kind = windowed.apply(Transports.on(fixture.page()));
      AtomicInteger maxInFlight = new AtomicInteger();
      WindowedWire sender = run(kind, new Backpressure(MESSAGES, 64, Policy.BLOCK), maxInFlight);
      TestPage.soon().until(() -> received().length == MESSAGES);
      assertIncreasing(received());
      assertEquals(0, sender.dropped(), kind.kind());
      assertTrue(maxInFlight.get() <= 64, kind.kind() + " in flight: " + maxInFlight.get());
      fixture.reopen();
    }
  }

  @Test
  void dropNewestCountsEveryDropAndKeepsOrder() {
    AtomicInteger maxInFlight = new AtomicInteger();
    WindowedWire sender = run(Policy.DROP_NEWEST, maxInFlight);
    TestPage.soon().until(() -> received().length + sender.dropped() == MESSAGES);
    assertTrue(sender.dropped() > 0, "a 1 ms consumer kept up with a burst");
    assertIncreasing(received());
    assertTrue(maxInFlight.get() <= WINDOW, "in flight: " + maxInFlight.get());
  }

  @Test
  void dropOldestAndLatestOnlyDeliverTheLastMessage() {
    for (Policy policy : new Policy[] {Policy.DROP_OLDEST, Policy.LATEST_ONLY}) {
      AtomicInteger maxInFlight = new AtomicInteger();
      fixture.reopen();
      WindowedWire sender = run(policy, maxInFlight);
      TestPage.soon().until(() -> received().length + sender.dropped() == MESSAGES);
      int[] got = received();
      assertTrue(sender.dropped() > 0, policy + " dropped nothing");
      assertIncreasing(got);
      assertEquals(MESSAGES - 1, got[got.length - 1], policy + " lost the newest message");
    }
  }

  @Test
  void eventsAndCommandsRefuseAWindow() {
    Backpressure window = new Backpressure(4, 1024, Policy.BLOCK);
    assertThrows(UnsupportedOperationException.class, () -> Transports.on(fixture.page()).event().offer("s", window, s -> {}));
    assertThrows(UnsupportedOperationException.class, () -> Transports.on(fixture.page()).command().offer("s", window, s -> {}));
  }
}
