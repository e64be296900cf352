package dev.weir.harness.transport;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.harness.browser.Payload;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PaceTest {

  private static final long MS = 1_000_000;
  private static final Payload SMALL = Payload.json("[1,2,3]");

  private final AtomicLong now = new AtomicLong();
  private final Pace pace =
      new Pace(new Offer.Pacing(128, 1 << 20, Duration.ofMillis(100)), now::get);

  @Test
  void itStartsWithAWindowOf64AndGrowsItWhileThePageTakesMessagesQuickly() {
    Pace fresh = new Pace(new Offer.Pacing(128, 1 << 20, Duration.ofMillis(100)), now::get);
    for (int i = 0; i < 64; i++) {
      fresh.awaitRoom(SMALL);
      fresh.sent(SMALL);
    }
    CompletableFuture<Void> blocked = CompletableFuture.runAsync(() -> fresh.awaitRoom(SMALL));
    await().during(Duration.ofMillis(50)).atMost(Duration.ofSeconds(1)).until(() -> !blocked.isDone());
    now.addAndGet(10 * MS); // taken 10 ms after they were sent: quickly
    fresh.taken(16);
    await().atMost(Duration.ofSeconds(5)).until(blocked::isDone);
    fresh.sent(SMALL);
    for (int i = 0; i < 31; i++) { // the window grew by the 16 taken: 48 + 1 + 31 = 80 in flight
      fresh.awaitRoom(SMALL);
      fresh.sent(SMALL);
    }
    CompletableFuture<Void> full = CompletableFuture.runAsync(() -> fresh.awaitRoom(SMALL));
    await().during(Duration.ofMillis(50)).atMost(Duration.ofSeconds(1)).until(() -> !full.isDone());
    fresh.ended();
    assertThrows(Exception.class, full::join);
  }

  @Test
  void nothingIsSentWhileTheOldestInFlightIsOlderThanTheAgeAndTheWindowHalves() {
    pace.awaitRoom(SMALL);
    pace.sent(SMALL);
    pace.awaitRoom(SMALL);
    pace.sent(SMALL);
    now.addAndGet(101 * MS); // the oldest has waited past the age
    CompletableFuture<Void> blocked = CompletableFuture.runAsync(() -> pace.awaitRoom(SMALL));
    await().during(Duration.ofMillis(50)).atMost(Duration.ofSeconds(1)).until(() -> !blocked.isDone());
    pace.taken(1); // it had waited 101 ms: the window halves, and the other is as old
    await().during(Duration.ofMillis(50)).atMost(Duration.ofSeconds(1)).until(() -> !blocked.isDone());
    pace.taken(1);
    await().atMost(Duration.ofSeconds(5)).until(blocked::isDone);
  }

  @Test
  void oneMessageLargerThanTheByteLimitStillGoesAlone() {
    Pace bytes = new Pace(new Offer.Pacing(128, 10, Duration.ofMillis(100)), now::get);
    Payload large = Payload.json("\"" + "x".repeat(100) + "\"");
    bytes.awaitRoom(large);
    bytes.sent(large);
    CompletableFuture<Void> blocked = CompletableFuture.runAsync(() -> bytes.awaitRoom(SMALL));
    await().during(Duration.ofMillis(50)).atMost(Duration.ofSeconds(1)).until(() -> !blocked.isDone());
    bytes.taken(1);
    await().atMost(Duration.ofSeconds(5)).until(blocked::isDone);
  }

  @Test
  void aSubscriptionThatEndsWhileTheProducerWaitsSendsNothing() {
    for (int i = 0; i < 64; i++) {
      pace.awaitRoom(SMALL);
      pace.sent(SMALL);
    }
    CompletableFuture<Void> blocked = CompletableFuture.runAsync(() -> pace.awaitRoom(SMALL));
    await().during(Duration.ofMillis(50)).atMost(Duration.ofSeconds(1)).until(() -> !blocked.isDone());
    pace.ended();
    Exception e = assertThrows(Exception.class, blocked::join);
    assertTrue(e.getCause() instanceof IllegalStateException, e.toString());
    assertEquals("the subscription ended while the producer waited for the page",
        e.getCause().getMessage());
  }

  @Test
  void moreTakenThanInFlightIsIgnored() {
    pace.awaitRoom(SMALL);
    pace.sent(SMALL);
    pace.taken(5); // one taken, quickly: the window grows by one, not five
    for (int i = 0; i < 65; i++) {
      pace.awaitRoom(SMALL);
      pace.sent(SMALL);
    }
    CompletableFuture<Void> blocked = CompletableFuture.runAsync(() -> pace.awaitRoom(SMALL));
    await().during(Duration.ofMillis(50)).atMost(Duration.ofSeconds(1)).until(() -> !blocked.isDone());
    pace.ended();
  }
}
