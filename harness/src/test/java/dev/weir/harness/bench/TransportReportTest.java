package dev.weir.harness.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TransportReportTest {

  private static final double NONE = Double.NaN;

  private static TransportRow row(String t, int bytes, int batch, double msgs, double mb, double p50) {
    return new TransportRow(t, bytes, batch, msgs, mb, p50, p50 * 4);
  }

  /** Figures in which every target is met and every claim holds. */
  private static List<TransportRow> claimsHold() {
    return List.of(
        row("raw-eval", 16, 1, 30_000, 0.5, NONE),
        row("raw-fetch", 1 << 20, 1, 40, 40, NONE),
        row("command", 16, 1, 20_000, 0.3, 3),
        row("event", 16, 1, 10_000, 0.2, 1),
        row("channel", 16, 1, 40_000, 0.6, 0.4),
        row("channel", 1 << 20, 1, 35, 36, NONE),
        row("channel", 7000, 128, 5_000, 35, NONE),
        row("scheme", 16, 1, 30_000, 0.5, 0.5),
        row("scheme", 1 << 20, 1, 35, 36, NONE),
        row("websocket", 16, 1, 28_000, 0.4, 0.6));
  }

  private static Map<String, Boolean> verdicts(List<TransportRow> rows) {
    return new TransportReport(rows).verdicts().stream()
        .collect(Collectors.toMap(v -> v.what(), v -> v.holds()));
  }

  @Test
  void everyTargetAndClaimHoldsOnFiguresThatMeetThem() {
    Map<String, Boolean> verdicts = verdicts(claimsHold());
    assertEquals(8, verdicts.size()); // 4 targets (channel and scheme at 1 MB apart), 4 claims
    verdicts.forEach((what, holds) -> assertTrue(holds, what));
  }

  @Test
  void eachVerdictFailsOnFiguresThatBreakIt() {
    List<TransportRow> broken =
        claimsHold().stream()
            .map(r -> switch (r.transport() + r.payloadBytes() + "/" + r.batch()) {
              case "channel16/1" -> row("channel", 16, 1, 20_000, 0.3, 1.5); // < 90% of eval, slow
              case "channel7000/128" -> row("channel", 7000, 128, 3_000, 21, NONE); // 384k readings/s
              case "scheme1048576/1" -> row("scheme", 1 << 20, 1, 10, 10, NONE); // 25% of fetch
              case "command16/1" -> row("command", 16, 1, 300_000, 5, 0.5); // faster than claimed
              case "event16/1" -> row("event", 16, 1, 19_000, 0.3, 3); // slow and not poor
              case "websocket16/1" -> row("websocket", 16, 1, 19_500, 0.3, 1); // ~2.5% slower
              default -> r;
            })
            .toList();
    Map<String, Boolean> verdicts = verdicts(broken);
    verdicts.forEach(
        (what, holds) ->
            assertEquals(what.equals("target: channel at 1 MB ≥ 80% of raw-fetch MB/s"), holds, what));
  }

  @Test
  void jsonIsAnArrayOfRowsWithNullForUnmeasuredLatency() throws IOException {
    String json = new TransportReport(List.of(row("raw-eval", 16, 1, 30_000, 0.5, NONE))).json();
    try (JsonParser p = new JsonFactory().createParser(json)) {
      assertEquals(JsonToken.START_ARRAY, p.nextToken());
      assertEquals(JsonToken.START_OBJECT, p.nextToken());
    }
    assertTrue(json.contains("\"transport\" : \"raw-eval\""), json);
    assertTrue(json.contains("\"payload_bytes\" : 16"), json);
    assertTrue(json.contains("\"p50_ms\" : null"), json);
  }
}
