package dev.weir.simulator.recording;

import dev.weir.simulator.codec.ReadingDecoder;
import dev.weir.simulator.codec.ReadingEncoding;
import dev.weir.simulator.codec.ReadingFormatException;
import dev.weir.simulator.mcap.Channel;
import dev.weir.simulator.mcap.McapRecord;
import dev.weir.simulator.mcap.McapStreamReader;
import dev.weir.simulator.mcap.Message;
import dev.weir.simulator.mcap.Metadata;
import dev.weir.simulator.mcap.ReadOptions;
import dev.weir.simulator.mcap.Schema;
import dev.weir.simulator.stream.Reading;
import dev.weir.simulator.stream.ReadingSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams the readings of a recording, in file order and in constant memory, from any MCAP file weir wrote, in either
 * encoding and any compression.
 *
 * <p>It refuses, rather than skips, what it cannot read exactly: a channel whose encoding, schema or topic is not
 * weir's fails when the channel appears, a message that does not decode fails naming its channel and log time, and
 * MCAP-level damage fails with the byte offset from {@link dev.weir.simulator.mcap.McapFormatException}.
 */
public final class RecordingReader implements ReadingSource {

  private final McapStreamReader mcap;
  private final Map<Integer, Schema> schemas = new HashMap<>();
  private final Map<Integer, SensorChannel> channels = new HashMap<>();
  private final List<RecordedSensor> sensors = new ArrayList<>();
  private final Map<String, String> run = new LinkedHashMap<>();

  private RecordingReader(McapStreamReader mcap) {
    this.mcap = mcap;
  }

  /** A channel this reader understands, with the decoder for its messages. */
  private record SensorChannel(Channel channel, String sensor, ReadingDecoder decoder) {}

  /** Opens a recording; nothing is read until {@link #next()}. */
  public static RecordingReader open(Path file) throws IOException {
    return new RecordingReader(McapStreamReader.open(file, ReadOptions.strict()));
  }

  /**
   * The next reading, or null at the end of the recording.
   *
   * @throws RecordingFormatException if a channel or message is not weir's
   * @throws dev.weir.simulator.mcap.McapFormatException if the file is not valid MCAP
   */
  @Override
  public Reading next() throws IOException {
    for (McapRecord record = mcap.next(); record != null; record = mcap.next()) {
      if (record instanceof Message message) {
        return decode(message);
      } else if (record instanceof Channel channel) {
        accept(channel);
      } else if (record instanceof Schema schema) {
        schemas.put(schema.id(), schema);
      } else if (record instanceof Metadata metadata && metadata.name().equals(RecordingLayout.RUN_METADATA)) {
        run.putAll(metadata.metadata());
      }
    }
    return null;
  }

  /**
   * The sensors whose channels have been read so far, in file order. weir writes every channel before the first
   * message, so after the first {@link #next()} this is complete for weir's recordings.
   */
  public List<RecordedSensor> sensors() {
    return Collections.unmodifiableList(sensors);
  }

  /**
   * The {@code weir} metadata record (format, encoding, spec, seed, duration_ns), once read; empty before. weir writes
   * it first, so it is there after the first {@link #next()}.
   */
  public Map<String, String> run() {
    return Collections.unmodifiableMap(run);
  }

  @Override
  public void close() throws IOException {
    mcap.close();
  }

  private void accept(Channel channel) throws RecordingFormatException {
    if (channels.containsKey(channel.id())) {
      return; // the summary section repeats every channel
    }
    String where = "channel " + channel.id() + " " + channel.topic();
    ReadingEncoding encoding = ReadingEncoding.forMessageEncoding(channel.messageEncoding())
        .orElseThrow(() -> new RecordingFormatException(where + " has message encoding " + channel.messageEncoding()
            + "; weir reads " + ReadingEncoding.JSON.messageEncoding() + " and "
            + ReadingEncoding.BINARY.messageEncoding()));
    checkSchema(where, channel, encoding);
    String sensor = RecordingLayout.sensorOf(channel.topic())
        .orElseThrow(() -> new RecordingFormatException(where + " is not a weir sensor topic; weir topics are "
            + RecordingLayout.TOPIC_PREFIX + "<sensor id>"));
    String names = channel.metadata().get(RecordingLayout.CHANNELS_KEY);
    List<String> channelNames = names == null ? List.of() : RecordingLayout.parseJsonArray(names)
        .orElseThrow(() -> new RecordingFormatException(where + ": metadata " + RecordingLayout.CHANNELS_KEY
            + " must be a JSON array of strings, found " + names));
    channels.put(channel.id(), new SensorChannel(channel, sensor, encoding.newDecoder()));
    sensors.add(new RecordedSensor(sensor, channel.id(), encoding, channelNames, channel.metadata()));
  }

  private void checkSchema(String where, Channel channel, ReadingEncoding encoding) throws RecordingFormatException {
    if (channel.schemaId() == 0) {
      return; // schemaless json is still json; the decoder checks every message
    }
    Schema schema = schemas.get(channel.schemaId());
    String found = schema == null ? "unknown schema " + channel.schemaId()
        : "schema " + schema.name() + " (" + schema.encoding() + ")";
    String expected = encoding.hasSchema()
        ? "schema " + encoding.schemaName() + " (" + encoding.schemaEncoding() + ")" : "no schema";
    if (schema == null ? encoding.hasSchema()
        : !schema.name().equals(encoding.schemaName()) || !schema.encoding().equals(encoding.schemaEncoding())) {
      throw new RecordingFormatException(where + " has " + found + "; weir reads " + encoding.messageEncoding()
          + " messages with " + expected);
    }
  }

  private Reading decode(Message message) throws RecordingFormatException {
    SensorChannel c = channels.get(message.channelId());
    String where = "message at log time " + Long.toUnsignedString(message.logTime()) + " ns (sequence "
        + message.sequence() + ") on channel " + message.channelId();
    if (c == null) {
      throw new RecordingFormatException(where + ": the channel was not declared before its message");
    }
    where += " " + c.channel().topic();
    Reading reading;
    try {
      reading = c.decoder().decode(message.data(), 0, message.data().length, message.logTime());
    } catch (ReadingFormatException e) {
      throw new RecordingFormatException(where + ": " + e.getMessage(), e);
    }
    if (!reading.sensor().equals(c.sensor())) {
      throw new RecordingFormatException(where + ": the message is from sensor " + reading.sensor()
          + ", the channel carries sensor " + c.sensor());
    }
    if (reading.stampNs() != message.publishTime()) {
      throw new RecordingFormatException(where + ": stamp_ns " + reading.stampNs()
          + " in the message differs from the publish time " + message.publishTime());
    }
    return reading;
  }
}
