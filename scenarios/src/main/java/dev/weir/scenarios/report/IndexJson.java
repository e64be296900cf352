package dev.weir.scenarios.report;

import dev.weir.harness.conformance.CaseResult;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.weir.harness.check.Status;
import dev.weir.harness.check.Verdict;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Map;

/**
 * {@code index.json}: the whole report for tools, fields in a fixed order and no whitespace, so a
 * model gives the same bytes every time (no clock, no JDK-dependent number text). Each verdict and
 * each run's evidence are written by their own JSON writers.
 */
final class IndexJson implements ReportFile {

  /** The layout's name; a change to it gets a new one. */
  static final String FORMAT = "weir.report.v1";

  private static final JsonFactory FACTORY = new JsonFactory();

  @Override
  public String name() {
    return "index.json";
  }

  @Override
  public void write(Report report, OutputStream out) throws IOException {
    try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      json.writeStartObject();
      json.writeStringField("format", FORMAT);
      json.writeStringField("title", report.title());
      json.writeObjectFieldStart("totals");
      json.writeNumberField("runs", report.runs().size());
      for (Map.Entry<Status, Long> total : report.totals().entrySet()) {
        json.writeNumberField(total.getKey().label().toLowerCase(Locale.ROOT), total.getValue());
      }
      json.writeEndObject();
      json.writeArrayFieldStart("cases");
      for (Map.Entry<String, String> c : report.cases().entrySet()) {
        json.writeStartObject();
        json.writeStringField("id", c.getKey());
        json.writeStringField("title", c.getValue());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("transports");
      for (String transport : report.transports()) {
        json.writeString(transport);
      }
      json.writeEndArray();
      json.writeArrayFieldStart("runs");
      for (CaseResult run : report.runs()) {
        run(run, json);
      }
      json.writeEndArray();
      json.writeEndObject();
    }
  }

  private static void run(CaseResult run, JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeStringField("case", run.caseId());
    json.writeStringField("transport", run.kind());
    json.writeStringField("status", run.status().label());
    json.writeNumberField("took_ns", run.took().toNanos());
    json.writeArrayFieldStart("verdicts");
    for (Verdict verdict : run.verdicts()) {
      verdict.writeJson(json);
    }
    json.writeEndArray();
    json.writeFieldName("evidence");
    run.evidence().writeJson(json);
    json.writeEndObject();
  }
}
