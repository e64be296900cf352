package dev.weir.harness.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rows of {@code weir bench transports} for people (a table, the targets and whether the
 * claims commonly made about these transports hold here) and for machines ({@code --json}).
 */
public final class TransportReport {

  private final List<TransportRow> rows;

  public TransportReport(List<TransportRow> rows) {
    this.rows = List.copyOf(rows);
  }

  private Optional<TransportRow> find(String transport, int bytes, int batch) {
    return rows.stream()
        .filter(r -> r.transport().equals(transport) && r.payloadBytes() == bytes && r.batch() == batch)
        .findFirst();
  }

  private double msgs(String transport, int bytes) {
    return find(transport, bytes, 1).map(TransportRow::msgsPerS).orElse(Double.NaN);
  }

  private double mb(String transport, int bytes) {
    return find(transport, bytes, 1).map(TransportRow::mbPerS).orElse(Double.NaN);
  }

  private double p50(String transport) {
    return find(transport, 16, 1).map(TransportRow::p50Ms).orElse(Double.NaN);
  }

  /** A check against this machine: a target or a common claim, with the figures that judged it. */
  public record Verdict(String what, boolean holds, String because) {}

  /** The targets, then the common claims. */
  public List<Verdict> verdicts() {
    List<Verdict> verdicts = new ArrayList<>();
    double channel16 = msgs("channel", 16);
    double eval16 = msgs("raw-eval", 16);
    verdicts.add(new Verdict("target: channel 16 B ≥ 90% of raw-eval", channel16 >= 0.9 * eval16,
        percent(channel16, eval16) + " of raw-eval"));
    double batched =
        rows.stream().filter(r -> r.transport().equals("channel") && r.batch() > 1)
            .mapToDouble(TransportRow::readingsPerS).findFirst().orElse(Double.NaN);
    verdicts.add(new Verdict("target: batched channel ≥ 500k readings/s", batched >= 500_000,
        Format.number(batched) + " readings/s"));
    double fetch1m = mb("raw-fetch", 1 << 20);
    for (String t : List.of("channel", "scheme")) {
      double v = mb(t, 1 << 20);
      verdicts.add(new Verdict("target: " + t + " at 1 MB ≥ 80% of raw-fetch MB/s", v >= 0.8 * fetch1m,
          percent(v, fetch1m) + " of raw-fetch (" + Format.number(v) + " vs " + Format.number(fetch1m) + " MB/s)"));
    }
    double command = p50("command");
    verdicts.add(new Verdict("claim: commands have 1–5 ms latency", command >= 1 && command <= 5,
        "p50 " + Format.number(command) + " ms"));
    double event = p50("event");
    double event16 = msgs("event", 16);
    verdicts.add(new Verdict("claim: events 0.5–2 ms and poor at high throughput",
        event >= 0.5 && event <= 2 && event16 < 0.5 * channel16,
        "p50 " + Format.number(event) + " ms; 16 B " + percent(event16, channel16) + " of channel"));
    double channel = p50("channel");
    boolean fastest =
        rows.stream().filter(r -> r.batch() == 1 && !r.transport().startsWith("raw-") && r.payloadBytes() == 16)
            .allMatch(r -> r.msgsPerS() <= channel16);
    verdicts.add(new Verdict("claim: channels are sub-millisecond and the fastest for streams",
        channel < 1 && fastest, "p50 " + Format.number(channel) + " ms; fastest at 16 B: " + fastest));
    double websocket = msgs("websocket", 16);
    verdicts.add(new Verdict("claim: WebSocket is 20–50% slower than native IPC",
        websocket >= 0.5 * channel16 && websocket <= 0.8 * channel16,
        Double.isNaN(websocket) ? "not measured: the websocket transport is not built yet"
            : "16 B " + percent(websocket, channel16) + " of channel"));
    return verdicts;
  }

  private static String percent(double part, double whole) {
    return String.format(Locale.ROOT, "%.0f%%", 100 * part / whole);
  }

  public String table() {
    StringBuilder out = new StringBuilder();
    String row = "%-10s %10s %6s %12s %10s %9s %9s%n";
    out.append(String.format(Locale.ROOT, row, "transport", "payload", "batch", "msg/s", "MB/s", "p50 ms", "p99 ms"));
    for (TransportRow r : rows) {
      out.append(String.format(Locale.ROOT, row, r.transport(), bytes(r.payloadBytes()), r.batch(),
          Format.number(r.msgsPerS()), Format.number(r.mbPerS()),
          Double.isNaN(r.p50Ms()) ? "" : Format.number(r.p50Ms()),
          Double.isNaN(r.p99Ms()) ? "" : Format.number(r.p99Ms())));
    }
    out.append(String.format("%nTargets and claims, on this machine:%n"));
    for (Verdict v : verdicts()) {
      out.append(String.format(Locale.ROOT, "  %-6s %s — %s%n", v.holds() ? "holds" : "NO", v.what(), v.because()));
    }
    return out.toString();
  }

  private static String bytes(int n) {
    return n >= 1 << 20 ? (n >> 20) + " MB" : n >= 1024 ? (n >> 10) + " KB" : n + " B";
  }

  /** An array of {transport, payload_bytes, batch, msgs_per_s, mb_per_s, p50_ms, p99_ms}. */
  public String json() {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
      json.useDefaultPrettyPrinter();
      json.writeStartArray();
      for (TransportRow r : rows) {
        json.writeStartObject();
        json.writeStringField("transport", r.transport());
        json.writeNumberField("payload_bytes", r.payloadBytes());
        json.writeNumberField("batch", r.batch());
        json.writeNumberField("msgs_per_s", r.msgsPerS());
        json.writeNumberField("mb_per_s", r.mbPerS());
        writeNumberOrNull(json, "p50_ms", r.p50Ms());
        writeNumberOrNull(json, "p99_ms", r.p99Ms());
        json.writeEndObject();
      }
      json.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void writeNumberOrNull(JsonGenerator json, String name, double value)
      throws IOException {
    if (Double.isNaN(value)) {
      json.writeNullField(name);
    } else {
      json.writeNumberField(name, value);
    }
  }
}
