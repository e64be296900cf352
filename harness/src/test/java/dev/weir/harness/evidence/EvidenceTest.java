package dev.weir.harness.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weir.harness.check.BufferChecker;
import dev.weir.harness.check.OrderingChecker;
import dev.weir.harness.check.ReconnectChecker;
import dev.weir.harness.check.ReconnectPolicy;
import dev.weir.harness.check.ReconnectPolicy.Jitter;
import dev.weir.harness.check.ReconnectTolerance;
import dev.weir.harness.check.Status;
import dev.weir.harness.check.Verdict;
import dev.weir.harness.evidence.Histogram.Bin;
import dev.weir.harness.evidence.Timeline.Level;
import dev.weir.harness.evidence.Timeline.Point;
import dev.weir.harness.trace.EventKind;
import dev.weir.harness.trace.Trace;
import dev.weir.harness.trace.TraceSnapshot;
import dev.weir.simulator.pacing.ManualWallClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each part of a run's evidence on synthetic traces whose answer is known. */
class EvidenceTest {

  private static final long MS = 1_000_000;

  /** A trace on a manual clock: events happen when the test says. */
  private static final class Run {
    final ManualWallClock clock = new ManualWallClock(0);
    final Trace trace = Trace.start(clock);

    Run at(long ns) {
      clock.advance(ns - trace.nowNs());
      return this;
    }

    Run send(String stream, long sequence) {
      trace.send(trace.stream(stream), sequence, 8, 0);
      return this;
    }

    /** A delivery the page received at {@code receivedNs}, recorded now. */
    Run deliver(String stream, long sequence, long receivedNs) {
      trace.delivery(trace.stream(stream), sequence, 8, receivedNs);
      return this;
    }

    Run buffer(String buffer, int held) {
      trace.buffer(trace.stream(buffer), held, 0, new long[held], held, trace.nowNs());
      return this;
    }

    TraceSnapshot snapshot() {
      return trace.snapshot();
    }
  }

  @Nested
  class Latency {

    @Test
    void quantilesAreUpperBoundsWithinOneSixteenthAndTheMaximumIsExact() {
      Run run = new Run();
      long[] latencies = new long[100];
      for (int i = 0; i < 100; i++) {
        latencies[i] = i < 90 ? MS : i < 99 ? 10 * MS : 123_456_789;
      }
      for (int i = 0; i < 100; i++) {
        run.at(i * 200 * MS).send("s", i).deliver("s", i, i * 200 * MS + latencies[i]);
      }
      Histogram latency = Evidence.of(run.snapshot()).latency();

      assertEquals(100, latency.count());
      assertBetween(MS, MS + MS / 16, latency.p50Ns());
      assertBetween(MS, MS + MS / 16, latency.p90Ns());
      assertBetween(10 * MS, 10 * MS + 10 * MS / 16, latency.p99Ns());
      assertEquals(123_456_789, latency.maxNs());
      assertEquals(0, latency.negative());
    }

    @Test
    void binsAreQuartersOfOctavesFromTheFirstToTheLastHoldingAnything() {
      Run run = new Run();
      long[] latencies = {1_000, 1_100_000, 1_200_000, 1_500_000, 3_000_000};
      for (int i = 0; i < latencies.length; i++) {
        run.at(i * MS).send("s", i).deliver("s", i, i * MS + latencies[i]);
      }
      List<Bin> bins = Evidence.of(run.snapshot()).latency().bins();

      // 2^20 ns = 1,048,576: the octave from it is cut at 1.25, 1.5 and 1.75 times that
      assertEquals(new Bin(0, 1_024, 1), bins.get(0));
      assertEquals(new Bin(1_048_576, 1_310_720, 2), bins.get(1 + 10 * 4));
      assertEquals(new Bin(1_310_720, 1_572_864, 1), bins.get(2 + 10 * 4));
      assertEquals(new Bin(2_621_440, 3_145_728, 1), bins.get(bins.size() - 1));
      assertEquals(1 + 11 * 4 + 2, bins.size());
      for (int i = 1; i < bins.size(); i++) {
        assertEquals(bins.get(i - 1).highNs(), bins.get(i).lowNs(), "bins are contiguous");
      }
    }

    @Test
    void sendsAndDeliveriesAreMatchedPerStreamAndSequenceWhicheverComesFirst() {
      Run run = new Run();
      run.at(10 * MS).send("a", 0).send("b", 0);
      run.at(20 * MS).deliver("a", 0, 12 * MS); // 2 ms on a
      run.at(30 * MS).deliver("b", 0, 17 * MS); // 7 ms on b
      // Reported before its send, and timed 0.3 ms before it: within the page clock's reading error.
      run.at(40 * MS).deliver("a", 1, 41_700_000).at(42 * MS).send("a", 1);
      run.at(50 * MS).deliver("a", 0, 50 * MS); // a duplicate: the first one counted
      run.at(60 * MS).deliver("a", 9, 60 * MS); // never sent
      Histogram latency = Evidence.of(run.snapshot()).latency();

      assertEquals(3, latency.count());
      assertEquals(1, latency.negative(), "within the clock's reading error below 0: counted as 0");
      assertEquals(7 * MS, latency.maxNs());
      assertEquals(new Bin(0, 1_024, 1), latency.bins().get(0));
    }

    @Test
    void aDeliveryFurtherBeforeItsSendThanTheClocksErrorIsAFaultOfWeirsNotAZero() {
      Run run = new Run().at(10 * MS).send("s", 0);
      run.at(20 * MS).deliver("s", 0, 9 * MS);
      IllegalStateException fault =
          assertThrows(IllegalStateException.class, () -> Evidence.of(run.snapshot()));
      assertTrue(fault.getMessage().startsWith("weir's self-check failed"), fault.getMessage());
    }

    @Test
    void aSequenceOlderThanTheWindowIsNotMatched() {
      Run run = new Run().at(MS).send("s", 0);
      run.send("s", LatencyWindow.WINDOW).deliver("s", LatencyWindow.WINDOW, 2 * MS);
      run.deliver("s", 0, 2 * MS);
      assertEquals(1, Evidence.of(run.snapshot()).latency().count());
    }

    @Test
    void noDeliveryGivesAnEmptyHistogram() {
      Histogram latency = Evidence.of(new Run().send("s", 0).snapshot()).latency();
      assertEquals(new Histogram("delivery latency", 0, 0, List.of(), 0, 0, 0, 0), latency);
    }
  }

  @Nested
  class Throughput {

    @Test
    void sendsAndDeliveriesAreCountedPerHundredMillisecondsZerosIncluded() {
      Run run = new Run();
      run.at(10 * MS).send("s", 0).at(20 * MS).send("s", 1).at(99 * MS).send("s", 2);
      run.at(250 * MS).send("s", 3).deliver("s", 0, 30 * MS).deliver("s", 3, 260 * MS);
      Timeline throughput = Evidence.of(run.snapshot()).throughput();

      assertEquals(100 * MS, throughput.bucketNs());
      assertEquals("sends", throughput.series().get(0).name());
      assertEquals(
          List.of(new Point(0, 3), new Point(100 * MS, 0), new Point(200 * MS, 1)),
          throughput.series().get(0).points());
      assertEquals(
          List.of(new Point(0, 1), new Point(100 * MS, 0), new Point(200 * MS, 1)),
          throughput.series().get(1).points());
    }

    @Test
    void aLongRunWidensTheBucketsAndKeepsEveryCount() {
      Run run = new Run();
      int sends = 0;
      for (long t = 0; t < 250_000 * MS; t += 700 * MS) { // 250 s: 2,500 buckets of 100 ms
        run.at(t).send("s", sends++);
      }
      Timeline throughput = Evidence.of(run.snapshot()).throughput();

      assertEquals(400 * MS, throughput.bucketNs());
      List<Point> points = throughput.series().get(0).points();
      assertTrue(points.size() <= TimeBuckets.MAX_BUCKETS, () -> points.size() + " points");
      assertEquals(sends, points.stream().mapToLong(Point::value).sum());
      assertEquals(249_600 * MS, points.get(points.size() - 1).atNs());
    }
  }

  @Nested
  class Occupancy {

    @Test
    void eachBufferShowsTheMostItHeldPerBucketAndTheDeclaredCapacity() {
      Run run = new Run();
      run.at(10 * MS).buffer("log", 3).at(60 * MS).buffer("log", 5).at(90 * MS).buffer("log", 4);
      run.at(350 * MS).buffer("log", 6).buffer("other", 1);
      Judgement judged = Judgement.of(run.snapshot(), List.of(new BufferChecker(6, 0)));
      Timeline occupancy = judged.evidence().occupancy();

      assertEquals(List.of(new Level("capacity", 6)), occupancy.levels());
      assertEquals("log", occupancy.series().get(0).name());
      assertEquals("items", occupancy.series().get(0).unit());
      assertEquals(
          List.of(new Point(0, 5), new Point(300 * MS, 6)), occupancy.series().get(0).points());
      assertEquals(List.of(new Point(300 * MS, 1)), occupancy.series().get(1).points());
    }

    @Test
    void buffersBeyondTheFirstEightAreCountedNotDrawn() {
      Run run = new Run();
      for (int b = 0; b < 11; b++) {
        run.buffer("buffer-" + b, b).buffer("buffer-" + b, b);
      }
      Timeline occupancy = Evidence.of(run.snapshot()).occupancy();
      assertEquals(TimeBuckets.MAX_SERIES, occupancy.series().size());
      assertEquals(3, occupancy.omittedSeries());
      assertEquals(List.of(), occupancy.levels(), "no capacity without a buffer checker");
    }
  }

  @Nested
  class Judged {

    @Test
    void verdictsAreTheCheckersOwnAndRetriesComeFromTheReconnectReview() {
      Run run = new Run();
      int ws = run.trace.stream("ws");
      run.trace.lifecycle(EventKind.CONNECT_ATTEMPT, ws, "websocket");
      run.trace.lifecycle(EventKind.OPEN, ws, "connect");
      run.at(100 * MS).trace.lifecycle(EventKind.CLOSE, ws, "closed 1006");
      run.at(150 * MS).trace.lifecycle(EventKind.CONNECT_ATTEMPT, ws, "websocket");
      run.trace.lifecycle(EventKind.REFUSAL, ws, "down");
      run.at(250 * MS).trace.lifecycle(EventKind.CONNECT_ATTEMPT, ws, "websocket");
      run.trace.lifecycle(EventKind.OPEN, ws, "connect");
      run.send("s", 0).deliver("s", 0, 251 * MS);
      TraceSnapshot trace = run.snapshot();
      ReconnectChecker reconnect = new ReconnectChecker(
          new ReconnectPolicy(Duration.ofMillis(50), 2, Duration.ofSeconds(1), Jitter.NONE, 5,
              Duration.ofSeconds(1)), ReconnectTolerance.DEFAULT);
      OrderingChecker ordering = new OrderingChecker(EventKind.DELIVERY, Duration.ofSeconds(1));

      Judgement judged = Judgement.of(trace, List.of(ordering, reconnect));

      assertEquals(2, judged.verdicts().size());
      assertEquals(ordering.check(trace).toJson(), judged.verdicts().get(0).toJson());
      assertEquals(reconnect.check(trace).toJson(), judged.verdicts().get(1).toJson());
      assertEquals(reconnect.review(trace).retries(), judged.evidence().retries().retries());
      assertEquals(2, judged.evidence().retries().retries().size());
      assertEquals(List.of(50 * MS, 100 * MS), judged.evidence().retries().retries().stream()
          .map(r -> r.delayNs()).toList());
      assertEquals(1, judged.evidence().latency().count());
    }
  }

  @Test
  void theJsonIsStable() {
    Run run = new Run();
    run.at(10 * MS).send("s", 0).at(20 * MS).deliver("s", 0, 12 * MS).buffer("s", 2);
    Evidence evidence = Judgement.of(run.snapshot(), List.of(new BufferChecker(4, 0))).evidence();
    assertEquals(
        "{\"latency\":{\"name\":\"delivery latency\",\"unit\":\"ns\",\"count\":1,\"negative\":0,"
            + "\"p50_ns\":2000000,\"p90_ns\":2000000,\"p99_ns\":2000000,\"max_ns\":2000000,"
            + "\"bins\":[{\"low_ns\":1835008,\"high_ns\":2097152,\"count\":1}]},"
            + "\"throughput\":{\"name\":\"throughput\",\"bucket_ns\":100000000,\"series\":["
            + "{\"name\":\"sends\",\"unit\":\"messages\",\"points\":[[0,1]]},"
            + "{\"name\":\"deliveries\",\"unit\":\"messages\",\"points\":[[0,1]]}],"
            + "\"levels\":[],\"omitted_series\":0},"
            + "\"occupancy\":{\"name\":\"buffer occupancy\",\"bucket_ns\":100000000,\"series\":["
            + "{\"name\":\"s\",\"unit\":\"items\",\"points\":[[0,2]]}],"
            + "\"levels\":[{\"name\":\"capacity\",\"value\":4}],\"omitted_series\":0},"
            + "\"retries\":{\"judged\":[],\"omitted\":0}}",
        evidence.toJson());
  }

  @Test
  void theJsonReadsBackToTheSameEvidenceEveryPartFilled() throws Exception {
    Run run = new Run();
    int ws = run.trace.stream("ws");
    run.trace.lifecycle(EventKind.CONNECT_ATTEMPT, ws, "websocket");
    run.trace.lifecycle(EventKind.OPEN, ws, "connect");
    run.at(100 * MS).trace.lifecycle(EventKind.CLOSE, ws, "closed 1006");
    run.at(150 * MS).trace.lifecycle(EventKind.CONNECT_ATTEMPT, ws, "websocket");
    run.trace.lifecycle(EventKind.OPEN, ws, "connect");
    run.at(160 * MS).send("s", 0).at(170 * MS).deliver("s", 0, 165 * MS).buffer("b", 3);
    Evidence evidence = Judgement.of(run.snapshot(), List.of(new BufferChecker(4, 0),
        new ReconnectChecker(new ReconnectPolicy(Duration.ofMillis(50), 2, Duration.ofSeconds(1),
            Jitter.NONE, 5, Duration.ofSeconds(1)), ReconnectTolerance.DEFAULT))).evidence();
    assertEquals(1, evidence.retries().retries().size());
    assertEquals(1, evidence.occupancy().levels().size());

    Evidence read = Evidence.fromJson(new ObjectMapper().readTree(evidence.toJson()));

    assertEquals(evidence, read);
    assertEquals(evidence.toJson(), read.toJson());
    assertEquals("No value for property 'occupancy' of `ObjectNode`",
        assertThrows(IllegalArgumentException.class, () -> Evidence.fromJson(new ObjectMapper()
            .readTree(evidence.toJson().replace("\"occupancy\"", "\"occupied\"")))).getMessage());
  }

  private static void assertBetween(long low, long high, long actual) {
    assertTrue(low <= actual && actual <= high,
        () -> "expected " + low + " to " + high + ", got " + actual);
  }

  /** The informational measures of suite v1's 6.x cases, on traces whose answer is known. */
  @Nested
  class Measures {

    @Test
    void throughputIsWhatWasSentOverFirstSendToLastDelivery() {
      Run run = new Run();
      for (int i = 0; i < 1_000; i++) {
        run.at(i * MS).send("s", i).deliver("s", i, i * MS + MS);
      }
      Verdict verdict = new ThroughputMeasure().check(run.snapshot());
      assertEquals(Status.INFORMATIONAL, verdict.status());
      assertEquals(1_000, verdict.count("messages"));
      assertEquals(8_000, verdict.count("bytes"));
      assertEquals(1_000, verdict.count("delivered"));
      assertEquals(1_000_000, verdict.count("span_us"), "0 ms to the last delivery at 1,000 ms");
      assertEquals(1_000, verdict.count("messages_per_s"));
      assertEquals(8, verdict.count("kb_per_s"));
    }

    @Test
    void latencyQuantilesAreUpperBoundsWithinASixteenthAndTheMaxIsExact() {
      Run run = new Run();
      for (int i = 0; i < 100; i++) {
        run.at(i * 200 * MS).send("s", i).deliver("s", i, i * 200 * MS + (i + 1) * MS);
      }
      Verdict verdict = new LatencyMeasure().check(run.snapshot());
      assertEquals(Status.INFORMATIONAL, verdict.status());
      assertEquals(100, verdict.count("messages"));
      long p50 = verdict.count("p50_us");
      long p99 = verdict.count("p99_us");
      assertTrue(p50 >= 50_000 && p50 <= 50_000 * 17 / 16, "p50 " + p50);
      assertTrue(p99 >= 99_000 && p99 <= 100_000, "p99 " + p99);
      assertEquals(100_000, verdict.count("max_us"));
    }
  }
}
