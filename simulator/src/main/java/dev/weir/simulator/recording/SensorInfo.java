package dev.weir.simulator.recording;

import dev.weir.simulator.spec.SensorSpec;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a recording says about a sensor: its id, channel names and descriptive metadata.
 *
 * <p>A recording can come from a simulation (with a declared rate and model), from another
 * recording, or from a field log (where only the columns are known); this one shape serves all
 * three, so conversions keep what is known and invent nothing.
 *
 * @param id the sensor id; its topic is {@code /weir/<id>}
 * @param channels channel names, never empty
 * @param unit unit of measure; empty when unknown
 * @param rateHz declared rate, exact ({@code 1000}, {@code 1/3}); empty when unknown
 * @param model signal model in scenario spelling; empty when unknown
 * @param description free text; may be empty
 */
public record SensorInfo(String id, List<String> channels, String unit, String rateHz, String model,
    String description) {

  public SensorInfo {
    Objects.requireNonNull(id, "id");
    channels = List.copyOf(channels);
    if (channels.isEmpty()) {
      throw new IllegalArgumentException("sensor " + id + " has no channels");
    }
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(rateHz, "rateHz");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(description, "description");
  }

  /** A simulated sensor, as its declaration describes it. */
  public static SensorInfo of(SensorSpec sensor) {
    return new SensorInfo(sensor.id(), sensor.channels(), nullToEmpty(sensor.unit()),
        RecordingLayout.rateText(sensor.rate()),
        sensor.signal() == null ? "" : RecordingLayout.modelName(sensor.signal().getClass().getSimpleName()),
        nullToEmpty(sensor.description()));
  }

  /** A sensor known only by its id and value columns, as in a field log. */
  public static SensorInfo imported(String id, List<String> channels) {
    return new SensorInfo(id, channels, "", "", "", "");
  }

  /** A sensor as a recording's channel metadata describes it; missing keys are empty. */
  static SensorInfo fromMetadata(String id, List<String> channels, Map<String, String> metadata) {
    return new SensorInfo(id, channels, metadata.getOrDefault("unit", ""), metadata.getOrDefault("rate_hz", ""),
        metadata.getOrDefault("model", ""), metadata.getOrDefault("description", ""));
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
