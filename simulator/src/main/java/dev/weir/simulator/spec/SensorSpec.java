package dev.weir.simulator.spec;

import java.util.List;

/**
 * A declared virtual sensor: identity, rate, channels, units and the signal it produces.
 *
 * @param id unique within a spec; part of every random key, so renaming a sensor changes its values
 * @param rate samples per second, exact
 * @param channels channel names, never empty (a scalar sensor has one)
 * @param unit unit of measure, for metadata only; empty when not declared
 * @param description free text for metadata; empty when not declared
 * @param signal the model, with per-channel parameters
 */
public record SensorSpec(String id, Rate rate, List<String> channels, String unit, String description,
    SignalSpec signal) {

  public SensorSpec {
    channels = List.copyOf(channels);
    if (channels.isEmpty()) {
      throw new IllegalArgumentException("sensor " + id + " has no channels");
    }
  }
}
