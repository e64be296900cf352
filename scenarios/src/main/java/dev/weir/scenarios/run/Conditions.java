package dev.weir.scenarios.run;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the machine was doing while a command's runs ran, kept beside their verdicts so that
 * stressed and plain runs can be compared: the load weir added ({@link Stress}), and the load
 * average when the runs started and when they ended, the evidence of how busy the machine was.
 *
 * @param stress the load weir added; empty for none
 * @param loadAverage the 1-minute load average at the start and the end; empty where the system
 *     gives none
 */
public record Conditions(Optional<Stress> stress, Optional<LoadAverage> loadAverage) {

  public Conditions {
    Objects.requireNonNull(stress, "stress");
    Objects.requireNonNull(loadAverage, "loadAverage");
  }

  /**
   * The 1-minute load average (tasks running or waiting to run, averaged with a 1-minute decay),
   * with two decimals rounded half up: {@code /proc/loadavg}'s first field.
   */
  public record LoadAverage(BigDecimal atStart, BigDecimal atEnd) {

    public LoadAverage {
      atStart = atStart.setScale(2, RoundingMode.HALF_UP);
      atEnd = atEnd.setScale(2, RoundingMode.HALF_UP);
    }
  }

  /**
   * The conditions in lines for people, as a table's footer and the report's header show them:
   * {@code Under stress: 4 busy threads (cpu=4)} when stressed, {@code Load average (1 min): 0.41
   * at the start, 3.97 at the end} when known.
   */
  public List<String> lines() {
    List<String> lines = new ArrayList<>(2);
    stress.ifPresent(s -> lines.add("Under stress: " + s.describe()));
    loadAverage.ifPresent(load -> lines.add("Load average (1 min): " + load.atStart()
        + " at the start, " + load.atEnd() + " at the end"));
    return lines;
  }

  /**
   * Writes {@code {"stress":{"spec":"cpu=4","busy_threads":4},"load_average_1m":{"start":0.41,
   * "end":3.97}}}, each part {@code null} when absent; the same conditions give the same bytes.
   */
  public void writeJson(JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeFieldName("stress");
    if (stress.isPresent()) {
      json.writeStartObject();
      json.writeStringField("spec", stress.get().toString());
      json.writeNumberField("busy_threads", stress.get().cpu());
      json.writeEndObject();
    } else {
      json.writeNull();
    }
    json.writeFieldName("load_average_1m");
    if (loadAverage.isPresent()) {
      json.writeStartObject();
      json.writeNumberField("start", loadAverage.get().atStart());
      json.writeNumberField("end", loadAverage.get().atEnd());
      json.writeEndObject();
    } else {
      json.writeNull();
    }
    json.writeEndObject();
  }

  /**
   * The conditions {@code json} holds, as {@link #writeJson} wrote them.
   *
   * @throws IllegalArgumentException when a field is missing or holds no such value
   */
  public static Conditions fromJson(JsonNode json) {
    JsonNode stress = json.required("stress");
    JsonNode load = json.required("load_average_1m");
    return new Conditions(
        stress.isNull() ? Optional.empty() : Optional.of(Stress.parse(stress.required("spec").asText())),
        load.isNull() ? Optional.empty() : Optional.of(new LoadAverage(
            load.required("start").decimalValue(), load.required("end").decimalValue())));
  }
}
