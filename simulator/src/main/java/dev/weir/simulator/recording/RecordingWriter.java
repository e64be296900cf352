package dev.weir.simulator.recording;

import dev.weir.simulator.codec.ReadingEncoder;
import dev.weir.simulator.codec.ReadingEncoding;
import dev.weir.simulator.mcap.Compression;
import dev.weir.simulator.mcap.McapWriter;
import dev.weir.simulator.stream.Reading;
import dev.weir.simulator.stream.ReadingSink;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes readings to an MCAP recording: one channel per declared sensor on topic {@code /weir/<sensor id>}, message
 * {@code log_time} = {@link Reading#timeNs()}, {@code publish_time} = {@link Reading#stampNs()}, and {@code sequence}
 * counting each channel's messages from 0.
 *
 * <p>The run metadata and every channel are written before the first message, so a streaming reader knows all sensors
 * when it sees the first reading. The same readings always produce the same bytes. The file appears at its path only
 * when {@link #close()} succeeds; after a failed {@link #write} the recording is discarded.
 */
public final class RecordingWriter implements ReadingSink {

  private static final long UINT32_MASK = 0xFFFF_FFFFL;

  private final McapWriter mcap;
  private final ReadingEncoder encoder;
  private final Map<String, Channel> channels;

  private RecordingWriter(McapWriter mcap, ReadingEncoder encoder, Map<String, Channel> channels) {
    this.mcap = mcap;
    this.encoder = encoder;
    this.channels = channels;
  }

  /** The MCAP channel of one sensor and the sequence number of its next message. */
  private static final class Channel {
    final int id;
    final int valueCount;
    long sequence;

    Channel(int id, int valueCount) {
      this.id = id;
      this.valueCount = valueCount;
    }
  }

  /**
   * Starts a recording of {@code sensors}; readings of any other sensor are refused.
   *
   * @param sensors in channel order, ids unique, never empty
   */
  public static RecordingWriter create(Path target, ReadingEncoding encoding, Compression compression,
      List<SensorInfo> sensors, RunInfo run) throws IOException {
    if (sensors.isEmpty()) {
      throw new IllegalArgumentException("a recording needs at least one sensor");
    }
    McapWriter mcap = McapWriter.create(target, McapWriter.Options.defaults().withProfile("")
        .withLibrary("weir").withCompression(compression));
    try {
      mcap.addMetadata(RecordingLayout.RUN_METADATA, RecordingLayout.runMetadata(run, encoding.messageEncoding()));
      int schemaId = encoding.hasSchema()
          ? mcap.addSchema(encoding.schemaName(), encoding.schemaEncoding(), encoding.schemaData()) : 0;
      Map<String, Channel> channels = new HashMap<>();
      for (SensorInfo sensor : sensors) {
        if (channels.containsKey(sensor.id())) {
          throw new IllegalArgumentException("sensor " + sensor.id() + " is declared twice");
        }
        int id = mcap.addChannel(schemaId, RecordingLayout.topic(sensor.id()), encoding.messageEncoding(),
            RecordingLayout.channelMetadata(sensor));
        channels.put(sensor.id(), new Channel(id, sensor.channels().size()));
      }
      return new RecordingWriter(mcap, encoding.newEncoder(), channels);
    } catch (IOException | RuntimeException e) {
      mcap.abort();
      throw e;
    }
  }

  /**
   * Adds a metadata record {@code name} beside the run's: what a file holding part of a run says
   * about the whole, say.
   */
  public void addMetadata(String name, Map<String, String> metadata) throws IOException {
    try {
      mcap.addMetadata(name, metadata);
    } catch (IOException | RuntimeException e) {
      mcap.abort();
      throw e;
    }
  }

  /** Appends one reading as a message on its sensor's channel. */
  @Override
  public void write(Reading reading) throws IOException {
    Channel channel = channels.get(reading.sensor());
    try {
      if (channel == null) {
        throw new IllegalArgumentException("reading " + reading + " is from undeclared sensor " + reading.sensor()
            + "; the recording declares " + String.join(", ", new TreeSet<>(channels.keySet())));
      }
      if (reading.values().length != channel.valueCount) {
        throw new IllegalArgumentException("reading " + reading + " has " + reading.values().length
            + " values; sensor " + reading.sensor() + " declares " + channel.valueCount + " channels");
      }
      int length = encoder.encode(reading);
      // MCAP sequences are uint32 and may wrap; readers use them to spot gaps, not as identities.
      mcap.addMessage(channel.id, channel.sequence++ & UINT32_MASK, reading.timeNs(), reading.stampNs(),
          encoder.buffer(), 0, length);
    } catch (IOException | RuntimeException e) {
      mcap.abort();
      throw e;
    }
  }

  /** Finishes the file (summary, indexes) and moves it to its path. */
  @Override
  public void close() throws IOException {
    mcap.close();
  }

  /** Discards the recording: nothing appears at the target path. */
  @Override
  public void abort() {
    mcap.abort();
  }
}
