package dev.weir.harness.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weir.harness.browser.Page;
import dev.weir.harness.browser.PageClock;
import dev.weir.harness.trace.EventKind;
import dev.weir.harness.trace.Trace;
import dev.weir.harness.transport.DeliveryReport;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Records what a frontend reports through {@code weir.probe} (docs/frontend-contract.md) into a
 * trace: the messages it handed to its application ({@code consume}), its circular buffers'
 * snapshots ({@code buffer}), its reconnection decisions ({@code reconnect}) and its close ({@code
 * close}, detail {@code frontend}, at the page's time of the call, so that what the page consumed
 * after it is judged on the page's own clock). Page times are converted by the page's {@link
 * PageClock}, which every report also samples, as deliveries' are.
 */
public final class Probe {

  static final String KIND = "weir-probe";
  private static final String CONSUMED = DeliveryReport.kind("probe");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Trace trace;
  private final PageClock clock;

  private Probe(Trace trace, PageClock clock) {
    this.trace = trace;
    this.clock = clock;
  }

  /** Records {@code page}'s probe reports, from now on, into {@code trace}. */
  public static void attach(Page page, Trace trace) {
    Probe probe = new Probe(trace, page.clock());
    page.bridge().onReport(probe::report);
  }

  private void report(String kind, String json, long arrivalNanos) {
    if (kind.equals(CONSUMED)) {
      DeliveryReport.parse(json).deliver(arrivalNanos, clock, (stream, sequence, nanos) ->
          trace.consume(trace.stream(stream), sequence, Math.max(0, trace.timeOf(nanos))));
    } else if (kind.equals(KIND)) {
      JsonNode report = parse(json);
      clock.place(report.path("origin").asDouble(), report.path("now").asDouble(), arrivalNanos,
          report.path("at").asDouble(), at -> record(report, Math.max(0, trace.timeOf(at))));
    }
  }

  private void record(JsonNode report, long atNs) {
    int stream = trace.stream(report.path("stream").asText());
    String what = report.path("what").asText();
    switch (what) {
      case "buffer" -> {
        JsonNode items = report.path("items");
        long[] sequences = new long[items.size()];
        for (int i = 0; i < sequences.length; i++) {
          sequences[i] = items.get(i).asLong();
        }
        trace.buffer(stream, report.path("consumed").asLong(), report.path("evictions").asLong(),
            sequences, sequences.length, atNs);
      }
      case "reconnect" -> trace.reconnect(stream, report.path("decision").asText(),
          report.path("attempt").asLong(), Math.round(report.path("delayMs").asDouble() * 1000), atNs);
      case "closed" -> trace.lifecycleAt(EventKind.CLOSE, stream, "frontend", atNs);
      default -> throw new IllegalArgumentException(
          "weir.probe report of unknown kind '" + what + "': expected buffer, reconnect or closed");
    }
  }

  /** A report of the page's weir.probe or of its lag monitor, as JSON. */
  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("Malformed report from the page: " + json, e);
    }
  }
}
