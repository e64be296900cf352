package dev.weir.scenarios.report;

import dev.weir.harness.conformance.CaseResult;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weir.harness.check.Status;
import dev.weir.harness.check.Verdict;
import dev.weir.harness.evidence.Evidence;
import dev.weir.scenarios.run.Conditions;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code index.json}: the whole report for tools, fields in a fixed order and no whitespace, so a
 * model gives the same bytes every time (no clock, no JDK-dependent number text). Each verdict and
 * each run's evidence are written by their own JSON writers, and read back by their readers: the
 * file holds everything the other files are made from, so {@code weir report} makes them again.
 */
final class IndexJson implements ReportFile {

  /** The layout's name; a change to it gets a new one. */
  static final String FORMAT = "weir.report.v1";

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final ObjectMapper JSON = new ObjectMapper();

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
      if (report.conditions().isPresent()) {
        json.writeFieldName("conditions");
        report.conditions().get().writeJson(json);
      }
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

  /**
   * The report an {@code index.json} holds: writing it again gives the same bytes. Each run's
   * description is its case's title (a report keeps one per case); a file without conditions (from
   * a weir before they were recorded) reads as a report without them.
   *
   * @throws IOException when the file cannot be read, or is not a report's index.json in this
   *     layout (the message says what was expected)
   */
  static Report read(Path file) throws IOException {
    JsonNode json;
    try {
      json = JSON.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw new IOException(file + ": expected a report's index.json, found text that is not"
          + " JSON: " + e.getOriginalMessage(), e);
    }
    if (json == null || !FORMAT.equals(json.path("format").asText())) {
      throw new IOException(file + ": expected a report's index.json, format " + FORMAT
          + "; found format " + (json == null ? "none" : json.path("format")));
    }
    try {
      Map<String, String> titles = new LinkedHashMap<>();
      json.required("cases").forEach(c ->
          titles.put(c.required("id").asText(), c.required("title").asText()));
      List<CaseResult> runs = new ArrayList<>();
      for (JsonNode run : json.required("runs")) {
        String caseId = run.required("case").asText();
        List<Verdict> verdicts = new ArrayList<>();
        run.required("verdicts").forEach(v -> verdicts.add(Verdict.fromJson(v)));
        runs.add(new CaseResult(caseId, titles.getOrDefault(caseId, ""),
            run.required("transport").asText(), verdicts,
            Duration.ofNanos(run.required("took_ns").asLong()),
            Evidence.fromJson(run.required("evidence"))));
      }
      JsonNode conditions = json.path("conditions");
      return new Report(json.required("title").asText(), runs, conditions.isMissingNode()
          ? Optional.empty() : Optional.of(Conditions.fromJson(conditions)));
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": expected a report's index.json in layout " + FORMAT + ": "
          + e.getMessage(), e);
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
