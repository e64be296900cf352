package dev.weir.simulator.recording;

import dev.weir.simulator.codec.ReadingEncoding;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sensor as a recording describes it: its MCAP channel and the declaration stored in the channel metadata. Lets a
 * replay show units and channel names without the original scenario.
 *
 * @param id the sensor id (the topic is {@code /weir/<id>})
 * @param channelId the MCAP channel id
 * @param encoding how its messages are encoded
 * @param channels the channel names, from the {@code channels} metadata key; empty if the key is absent
 * @param metadata every channel metadata entry, in file order
 */
public record RecordedSensor(String id, int channelId, ReadingEncoding encoding, List<String> channels,
    Map<String, String> metadata) {

  public RecordedSensor {
    channels = List.copyOf(channels);
    metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
  }

  /** The sensor as a new recording would declare it: what this one says, nothing invented. */
  public SensorInfo info() {
    return SensorInfo.fromMetadata(id, channels, metadata);
  }
}
