package dev.weir.simulator.recording;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.weir.simulator.spec.Rate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The names weir gives things in an MCAP file: topics, metadata records and keys. One place, so writer and reader agree. */
final class RecordingLayout {

  static final String TOPIC_PREFIX = "/weir/";
  static final String RUN_METADATA = "weir";
  static final String FORMAT = "weir.recording.v1";
  static final String CHANNELS_KEY = "channels";

  private static final JsonFactory JSON = JsonFactory.builder().build();

  private RecordingLayout() {}

  static String topic(String sensorId) {
    return TOPIC_PREFIX + sensorId;
  }

  /** The sensor id of a weir topic; empty for any other topic. */
  static Optional<String> sensorOf(String topic) {
    return topic.startsWith(TOPIC_PREFIX) && topic.length() > TOPIC_PREFIX.length()
        ? Optional.of(topic.substring(TOPIC_PREFIX.length())) : Optional.empty();
  }

  static Map<String, String> runMetadata(RunInfo run, String encoding) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("format", FORMAT);
    m.put("encoding", encoding);
    m.put("spec", run.specName());
    m.put("seed", Long.toString(run.seed()));
    m.put("duration_ns", Long.toString(run.durationNs()));
    return m;
  }

  static Map<String, String> channelMetadata(SensorInfo sensor) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("sensor", sensor.id());
    m.put(CHANNELS_KEY, jsonArray(sensor.channels()));
    m.put("unit", sensor.unit());
    m.put("rate_hz", sensor.rateHz());
    m.put("model", sensor.model());
    m.put("description", sensor.description());
    return m;
  }

  /** Exact: {@code 1000}, or {@code 1/3} when the rate is not a whole number of hertz. */
  static String rateText(Rate rate) {
    return rate.den() == 1 ? Long.toString(rate.num()) : rate.num() + "/" + rate.den();
  }

  /** {@code RandomWalk} becomes {@code random-walk}, the spelling scenario files use. */
  static String modelName(String simpleName) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < simpleName.length(); i++) {
      char ch = simpleName.charAt(i);
      if (Character.isUpperCase(ch) && i > 0) {
        s.append('-');
      }
      s.append(Character.toLowerCase(ch));
    }
    return s.toString();
  }

  static String jsonArray(List<String> names) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartArray();
      for (String name : names) {
        g.writeString(name);
      }
      g.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** The channel names of a {@code channels} metadata value; empty when it is not a JSON array of strings. */
  static Optional<List<String>> parseJsonArray(String text) {
    try (JsonParser p = JSON.createParser(text)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        return Optional.empty();
      }
      List<String> names = new ArrayList<>();
      for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
        if (t != JsonToken.VALUE_STRING) {
          return Optional.empty();
        }
        names.add(p.getText());
      }
      return p.nextToken() == null ? Optional.of(names) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
