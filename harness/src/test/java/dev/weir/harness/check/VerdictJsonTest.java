package dev.weir.harness.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weir.harness.trace.EventFilter;
import dev.weir.harness.trace.EventKind;
import dev.weir.harness.trace.TraceEvent;
import java.io.StringWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A verdict's JSON form: every field, in a fixed order, the same text for the same verdict. */
class VerdictJsonTest {

  private static final TraceEvent DROP =
      new TraceEvent(7, EventKind.DROP, "a", 3, -1, 9000, -1, 9000, "drop-oldest", -1, -1, -1, -1, -1, -1, -1);
  private static final TraceEvent CLOSE =
      new TraceEvent(8, EventKind.CLOSE, "a", -1, -1, 9500, -1, 9500, "page", -1, -1, -1, -1, -1, -1, -1);

  @Test
  void aFailedOrderingVerdictReadsExactly() {
    TestTrace t = new TestTrace().send("a", 0, 1).deliver("a", 1, 0);
    Verdict v = new OrderingChecker(EventKind.DELIVERY, Duration.ofMillis(1)).check(t.snapshot());
    assertEquals(
        "{\"checker\":\"ordering/delivery\",\"status\":\"FAILED\",\"summary\":\"FAILED: 2 messages"
            + " sent on 1 stream, 2 delivery events; 1 arrived once, in order and within 1 ms"
            + " (50.0% of those sent). Found: 1 out of order. Worst wait 0.003 ms (stream"
            + " \\\"a\\\", sequence 0). First violation: out-of-order at event #3 (stream"
            + " \\\"a\\\"): expected sequences arrive in the order they were sent, but sequence 0"
            + " arrived after sequence 1.\","
            + "\"counts\":{\"streams\":1,\"sent\":2,\"arrived\":2,\"ok\":1,\"lost\":0,"
            + "\"allowed-lost\":0,\"duplicated\":0,\"out-of-order\":1,\"phantom\":0,\"stalled\":0,"
            + "\"resent\":0,\"worst-wait-ns\":3000},"
            + "\"fractions\":{\"ok\":0.5,\"lost\":0,\"allowed-lost\":0,\"duplicated\":0,"
            + "\"out-of-order\":0.5,\"phantom\":0,\"stalled\":0},"
            + "\"first_violation\":{\"defect\":\"out-of-order\",\"expected\":\"sequences arrive in"
            + " the order they were sent\",\"actual\":\"sequence 0 arrived after sequence 1\","
            + "\"event\":{\"index\":3,\"kind\":\"delivery\",\"stream\":\"a\",\"sequence\":0,"
            + "\"size\":8,\"wall_ns\":4000,\"arrival_ns\":4000},\"before\":["
            + "{\"index\":0,\"kind\":\"send\",\"stream\":\"a\",\"sequence\":0,\"size\":8,"
            + "\"virtual_ns\":0,\"wall_ns\":1000},"
            + "{\"index\":1,\"kind\":\"send\",\"stream\":\"a\",\"sequence\":1,\"size\":8,"
            + "\"virtual_ns\":1000,\"wall_ns\":2000},"
            + "{\"index\":2,\"kind\":\"delivery\",\"stream\":\"a\",\"sequence\":1,\"size\":8,"
            + "\"wall_ns\":3000,\"arrival_ns\":3000}],\"after\":[]}}",
        v.toJson());
  }

  @Test
  void anOkVerdictHasANullViolationAndFractionsAreShortDecimalsOrNull() {
    Map<String, Double> fractions = new LinkedHashMap<>();
    fractions.put("third", 1.0 / 3);
    fractions.put("tiny", 1e-9);
    fractions.put("whole", 1.0);
    fractions.put("none", Double.NaN);
    Verdict v = new Verdict("x", Status.OK, Map.of("n", 3L), fractions, null, "fine");
    assertEquals(
        "{\"checker\":\"x\",\"status\":\"OK\",\"summary\":\"fine\",\"counts\":{\"n\":3},"
            + "\"fractions\":{\"third\":0.333333,\"tiny\":0,\"whole\":1,\"none\":null},"
            + "\"first_violation\":null}",
        v.toJson());
  }

  @Test
  void lifecycleEventsCarryTheirDetailAndASequenceOnlyWhenTheyHaveOne() {
    Violation deviation = new Violation("allowed-lost", "e", "a", DROP, List.of(), List.of(CLOSE));
    Verdict v = new Verdict("x", Status.NON_STRICT, Map.of(), Map.of(), deviation, "dropped one");
    assertEquals(
        "{\"checker\":\"x\",\"status\":\"NON-STRICT\",\"summary\":\"dropped one\",\"counts\":{},"
            + "\"fractions\":{},\"first_violation\":{\"defect\":\"allowed-lost\","
            + "\"expected\":\"e\",\"actual\":\"a\",\"event\":{\"index\":7,\"kind\":\"drop\",\"stream\":\"a\","
            + "\"sequence\":3,\"detail\":\"drop-oldest\",\"wall_ns\":9000},\"before\":[],"
            + "\"after\":[{\"index\":8,\"kind\":\"close\",\"stream\":\"a\",\"detail\":\"page\","
            + "\"wall_ns\":9500}]}}",
        v.toJson());
  }

  @Test
  void everyKindOfEventWritesTheFieldsItHasInTheTraceFilesLayout() {
    TestTrace t =
        new TestTrace()
            .send("a", 0)
            .deliver("a", 0)
            .lifecycle(EventKind.OPEN, "a", "connect")
            .consume("a", 0)
            .buffer("a", 3, 2, 0)
            .reconnect("a", "retry", 2, 6500)
            .gauge("a", "js-heap-bytes", -7);
    List<TraceEvent> events = t.snapshot().events(EventFilter.all());
    Violation violation =
        new Violation("d", "e", "a", events.get(5), events.subList(0, 5), events.subList(6, 8));
    Verdict v = new Verdict("x", Status.FAILED, Map.of(), Map.of(), violation, "s");
    assertEquals(
        "{\"checker\":\"x\",\"status\":\"FAILED\",\"summary\":\"s\",\"counts\":{},"
            + "\"fractions\":{},\"first_violation\":{\"defect\":\"d\",\"expected\":\"e\","
            + "\"actual\":\"a\",\"event\":{\"index\":5,\"kind\":\"buffer-item\","
            + "\"stream\":\"a\",\"position\":0,\"sequence\":0,\"wall_ns\":5000},\"before\":["
            + "{\"index\":0,\"kind\":\"send\",\"stream\":\"a\",\"sequence\":0,\"size\":8,"
            + "\"virtual_ns\":0,\"wall_ns\":1000},"
            + "{\"index\":1,\"kind\":\"delivery\",\"stream\":\"a\",\"sequence\":0,"
            + "\"size\":8,\"wall_ns\":2000,\"arrival_ns\":2000},"
            + "{\"index\":2,\"kind\":\"open\",\"stream\":\"a\",\"detail\":\"connect\","
            + "\"wall_ns\":3000},"
            + "{\"index\":3,\"kind\":\"consume\",\"stream\":\"a\",\"sequence\":0,"
            + "\"wall_ns\":4000,\"arrival_ns\":4000},"
            + "{\"index\":4,\"kind\":\"buffer\",\"stream\":\"a\",\"pushed\":3,"
            + "\"evictions\":2,\"held\":1,\"wall_ns\":5000}],\"after\":["
            + "{\"index\":6,\"kind\":\"reconnect\",\"stream\":\"a\",\"decision\":\"retry\","
            + "\"attempt\":2,\"delay_us\":0,\"wall_ns\":6500},"
            + "{\"index\":7,\"kind\":\"gauge\",\"stream\":\"a\",\"metric\":\"js-heap-bytes\","
            + "\"value\":-7,\"wall_ns\":7000}]}}",
        v.toJson());
  }

  @Test
  void everyVerdictReadsBackToTheSameJson() throws Exception {
    TestTrace t = new TestTrace().send("a", 0).deliver("a", 0).lifecycle(EventKind.OPEN, "a", "connect")
        .consume("a", 0).buffer("a", 3, 2, 0).reconnect("a", "retry", 2, 6500)
        .gauge("a", "js-heap-bytes", -7);
    List<TraceEvent> events = t.snapshot().events(EventFilter.all());
    Map<String, Double> fractions = new LinkedHashMap<>();
    fractions.put("third", 1.0 / 3);
    fractions.put("none", Double.NaN);
    List<Verdict> verdicts = List.of(
        new OrderingChecker(EventKind.DELIVERY, Duration.ofMillis(1))
            .check(new TestTrace().send("a", 0, 1).deliver("a", 1, 0).snapshot()),
        new Verdict("x", Status.FAILED, Map.of("n", 3L), fractions, new Violation("d", "e", "a",
            events.get(5), events.subList(0, 5), events.subList(6, 8)), "s"),
        new Verdict("x", Status.NON_STRICT, Map.of(), Map.of(),
            new Violation("allowed-lost", "e", "a", DROP, List.of(), List.of(CLOSE)), "dropped"),
        new Verdict("x", Status.INFORMATIONAL, Map.of(), Map.of(), null, "measured"));
    for (Verdict verdict : verdicts) {
      Verdict read = Verdict.fromJson(new ObjectMapper().readTree(verdict.toJson()));
      assertEquals(verdict.toJson(), read.toJson());
      assertEquals(verdict.firstViolation().map(v -> v.event().kind()),
          read.firstViolation().map(v -> v.event().kind()));
    }
    Verdict read = Verdict.fromJson(new ObjectMapper().readTree(verdicts.get(1).toJson()));
    assertEquals(events.get(7), read.firstViolation().orElseThrow().after().get(1),
        "a gauge keeps its metric and value");
    assertEquals("unknown status \"PASSED\"; expected one of [OK, NON-STRICT, FAILED, INFORMATIONAL, INCONCLUSIVE]",
        assertThrows(IllegalArgumentException.class, () -> Verdict.fromJson(new ObjectMapper()
            .readTree(verdicts.get(3).toJson().replace("INFORMATIONAL", "PASSED")))).getMessage());
  }

  @Test
  void verdictsEmbedInALargerDocument() throws Exception {
    Verdict v = new Verdict("x", Status.INFORMATIONAL, Map.of(), Map.of(), null, "measured");
    StringWriter out = new StringWriter();
    try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
      json.writeStartArray();
      v.writeJson(json);
      v.writeJson(json);
      json.writeEndArray();
    }
    assertEquals("[" + v.toJson() + "," + v.toJson() + "]", out.toString());
  }

  @Test
  void anOkVerdictCannotNameAViolation() {
    Violation violation = new Violation("lost", "e", "a", DROP, List.of(), List.of());
    assertEquals(
        "x: an OK verdict names no violation, got lost",
        assertThrows(
                IllegalArgumentException.class,
                () -> new Verdict("x", Status.OK, Map.of(), Map.of(), violation, "s"))
            .getMessage());
  }

  @Test
  void aViolationKeepsAtMostFiveEventsEachSide() {
    List<TraceEvent> six = List.of(CLOSE, CLOSE, CLOSE, CLOSE, CLOSE, CLOSE);
    assertEquals(
        "a violation keeps at most 5 events of context on each side, got 0 before and 6 after",
        assertThrows(
                IllegalArgumentException.class,
                () -> new Violation("lost", "e", "a", DROP, List.of(), six))
            .getMessage());
  }
}
