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
 * close}, detail {@code frontend}). Page times are converted as deliveries' are: the report's
 * arrival less its age when sent.
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

  private void report(String kind, String json) {
    long arrivalNs = trace.nowNs();
    if (kind.equals(CONSUMED)) {
      DeliveryReport.parse(json)
          .deliver(arrivalNs, clock, (stream, sequence, ns) -> trace.consume(trace.stream(stream), sequence, ns));
    } else if (kind.equals(KIND)) {
      record(parse(json), arrivalNs);
    }
  }

  private void record(JsonNode report, long arrivalNs) {
    int stream = trace.stream(report.path("stream").asText());
    long atNs =
        Math.max(0, DeliveryReport.traceTimeNs(arrivalNs,
            clock.arrived(report.path("origin").asDouble(), report.path("now").asDouble()),
            report.path("at").asDouble()));
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
      case "closed" -> trace.lifecycle(EventKind.CLOSE, stream, "frontend");
      default -> throw new IllegalArgumentException(
          "weir.probe report of unknown kind '" + what + "': expected buffer, reconnect or closed");
    }
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("Malformed weir.probe report from the page: " + json, e);
    }
  }
}
