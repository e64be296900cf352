package dev.weir.harness.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.harness.browser.BrowserRuntime;
import dev.weir.harness.check.OrderingChecker;
import dev.weir.harness.check.Status;
import dev.weir.harness.check.Verdict;
import dev.weir.harness.trace.EventKind;
import dev.weir.harness.transport.Offer;
import dev.weir.harness.transport.fault.Faults;
import dev.weir.harness.transport.fault.TransportFault;
import dev.weir.simulator.pacing.Speed;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * "As fast as the frontend takes them" paces the producer by what the page has taken, on every
 * kind, with or without a window of the transport's own: a page that takes 10,000 messages a second
 * is sent 30,000 without one of them waiting a second, in real Chromium.
 *
 * <p>Ledger: replays at {@code --speed max} on a kind without a declared window pushed messages as
 * fast as Java could, the queue grew in front of the page, and a correct page was judged stalled
 * ("arrived 1009 ms after its send"): the stall was weir's own doing. Without the pace this test
 * fails the same way (checked: 21,613 of the 30,000 stalled on channel, 27,157 on event, and on sse
 * 25,114 stalled and 14,845 never arrived before the run ended).
 */
class PacingTest {

  private static final int COUNT = 30_000;

  @ParameterizedTest
  @ValueSource(strings = {"channel", "event", "sse"})
  void aStreamSentAsFastAsTakenNeverQueuesBeyondWhatThePageTakes(String kind) {
    // The page takes 100 µs per message: at most 10,000 a second, a third of a second's worth of
    // what Java could push in that time.
    Verdict ordering = orderingOf(kind, COUNT, 1_000_000L, Duration.ofNanos(100_000));
    assertEquals(Status.OK, ordering.status(), ordering::summary);
    assertEquals(COUNT, ordering.count("sent"));
    System.out.printf("%s: worst wait %.1f ms%n", kind, ordering.count("worst-wait-ns") / 1e6);
  }

  /**
   * A page taking one message every 2 ms, sent as fast as it takes them: the pace's window follows
   * it down, so no message waits a second in front of it. With a fixed window of 1,024 the worst
   * waited 2,087 ms on websocket and 2,144 ms on channel (checked): not a stall the checker blames,
   * as the page's own busy handler held its event loop meanwhile, but a queue of weir's making.
   */
  @ParameterizedTest
  @ValueSource(strings = {"websocket", "channel"})
  void aSlowPageIsSentNoMoreThanItTakesInAMoment(String kind) {
    int count = 1_500;
    Verdict ordering = orderingOf(kind, count, 1_000_000L, Duration.ofMillis(2));
    assertEquals(Status.OK, ordering.status(), ordering::summary);
    assertEquals(count, ordering.count("sent"));
    assertTrue(ordering.count("worst-wait-ns") < 1_000_000_000L, ordering::summary);
    System.out.printf("%s, 2 ms a message: worst wait %.1f ms%n", kind,
        ordering.count("worst-wait-ns") / 1e6);
  }

  /**
   * A page slower than weir waits for (a reading every 5 ms, where the run waits 10 s plus 1 ms a
   * reading at most): the run is cut short while the producer still sends. It stops the producer
   * before the page closes, so what was sent arrives, and the verdict is INCONCLUSIVE, saying how
   * many were never sent: never a loss of the messages the page's close stranded (found by review:
   * a cut-off run left up to a window of 1,024 in flight, five seconds of this page's work, and
   * ordering called them lost; the pace's window now follows the page down, and the producer stops
   * before the page closes).
   */
  @ParameterizedTest
  @ValueSource(strings = {"channel"})
  void aRunCutShortWhileTheProducerStillSendsIsInconclusiveNotALoss(String kind) {
    int count = 3_000;
    Verdict ordering = orderingOf(kind, count, 0, Duration.ofMillis(5));
    assertEquals(Status.INCONCLUSIVE, ordering.status(), ordering::summary);
    assertTrue(ordering.summary().startsWith("INCONCLUSIVE: The producer sent "), ordering::summary);
    assertEquals(0, ordering.count("lost"), ordering::summary);
  }

  /**
   * The ordering verdict of {@code count} readings {@code spacingNs} apart in virtual time, replayed
   * as fast as taken to the reference page slowed to {@code perMessage} a message.
   */
  private static Verdict orderingOf(String kind, int count, long spacingNs, Duration perMessage) {
    long[] virtualNs = new long[count];
    for (int i = 0; i < count; i++) {
      virtualNs[i] = i * spacingNs;
    }
    Timeline timeline = Timeline.timed(Readings.json(9, count), virtualNs, Speed.MAX);
    Offer slow = Offer.PLAIN.withFaults(new Faults(9, List.of(
        new TransportFault.SlowConsumer(0, Long.MAX_VALUE, perMessage))));
    StreamCase paced = new StreamCase("paced", "a slow page as fast as taken", kind, "paced",
        Map.of(), slow, timeline,
        List.of(new OrderingChecker(EventKind.CONSUME, Duration.ofSeconds(1))));
    return new Conformance(BrowserRuntime.shared(), Frontend.reference())
        .run(paced, kind).verdicts().get(0);
  }
}
