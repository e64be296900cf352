package dev.weir.simulator.tabular;

import dev.weir.simulator.codec.ShortestDecimal;
import dev.weir.simulator.io.AtomicFile;
import dev.weir.simulator.stream.Reading;
import dev.weir.simulator.stream.ReadingSink;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes readings as RFC 4180 CSV that {@link ColumnMapping#weirCsv()} reads back exactly: header
 * {@code time_ns,stamp_ns,sensor,index} then one column {@code <sensor>.<channel>} per channel of every sensor; each row
 * fills its own sensor's columns and leaves the others empty. Values are in their shortest round-trip form
 * ({@code NaN}, {@code Infinity}, {@code -Infinity} included), so doubles survive bit for bit. Lines end with CRLF.
 */
public final class CsvWriter implements ReadingSink {

  static final String TIME = "time_ns";
  static final String STAMP = "stamp_ns";
  static final String SENSOR = "sensor";
  static final String INDEX = "index";

  /**
   * A sensor's columns.
   *
   * @param id the sensor id
   * @param channels channel names, never empty
   */
  public record Sensor(String id, List<String> channels) {
    public Sensor {
      Objects.requireNonNull(id, "id");
      channels = List.copyOf(channels);
      if (channels.isEmpty()) {
        throw new IllegalArgumentException("sensor " + id + " has no channels");
      }
    }
  }

  private final AtomicFile file;
  private final Writer out;
  private final Map<String, Integer> firstColumn = new HashMap<>();
  private final Map<String, Integer> channelCount = new HashMap<>();
  private final int valueColumns;
  private final StringBuilder row = new StringBuilder();

  private CsvWriter(AtomicFile file, List<Sensor> sensors) throws IOException {
    this.file = file;
    this.out = new BufferedWriter(file.utf8Writer(), 1 << 16);
    List<String> header = new ArrayList<>(List.of(TIME, STAMP, SENSOR, INDEX));
    int column = 0;
    for (Sensor s : sensors) {
      if (firstColumn.putIfAbsent(s.id(), column) != null) {
        throw new IllegalArgumentException("sensor " + s.id() + " is listed twice");
      }
      channelCount.put(s.id(), s.channels().size());
      for (String channel : s.channels()) {
        header.add(s.id() + "." + channel);
      }
      column += s.channels().size();
    }
    valueColumns = column;
    for (int i = 0; i < header.size(); i++) {
      if (i > 0) {
        row.append(',');
      }
      appendField(header.get(i));
    }
    endRow();
  }

  /**
   * Starts {@code target} with the header for {@code sensors}, in that column order. The file appears only when
   * {@link #close()} succeeds; after a failed {@link #write} the export is discarded.
   */
  public static CsvWriter create(Path target, List<Sensor> sensors) throws IOException {
    AtomicFile file = AtomicFile.create(target);
    try {
      return new CsvWriter(file, sensors);
    } catch (IOException | RuntimeException e) {
      file.abort();
      throw e;
    }
  }

  /** Appends one row; the reading's sensor must be one of the header's, with as many values as channels. */
  @Override
  public void write(Reading reading) throws IOException {
    try {
      appendRow(reading);
    } catch (IOException | RuntimeException e) {
      abort();
      throw e;
    }
  }

  private void appendRow(Reading reading) throws IOException {
    Integer first = firstColumn.get(reading.sensor());
    if (first == null) {
      throw new IllegalArgumentException("reading " + reading + " is from sensor " + reading.sensor()
          + ", which has no columns in this CSV");
    }
    double[] values = reading.values();
    if (values.length != channelCount.get(reading.sensor())) {
      throw new IllegalArgumentException("reading " + reading + " has " + values.length + " values; sensor "
          + reading.sensor() + " has " + channelCount.get(reading.sensor()) + " columns");
    }
    row.append(reading.timeNs()).append(',').append(reading.stampNs()).append(',');
    appendField(reading.sensor());
    row.append(',').append(reading.index());
    for (int c = 0; c < valueColumns; c++) {
      row.append(',');
      int channel = c - first;
      if (channel >= 0 && channel < values.length) {
        row.append(ShortestDecimal.of(values[channel]));
      }
    }
    endRow();
  }

  /** Finishes the file and moves it to its path. */
  @Override
  public void close() throws IOException {
    try {
      out.flush();
    } catch (IOException e) {
      abort();
      throw e;
    }
    file.commit();
  }

  /** Discards the export: nothing appears at the target path. */
  @Override
  public void abort() {
    file.abort();
  }

  private void appendField(String text) {
    boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0
        || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
    if (quote) {
      row.append('"').append(text.replace("\"", "\"\"")).append('"');
    } else {
      row.append(text);
    }
  }

  private void endRow() throws IOException {
    row.append("\r\n");
    out.write(row.toString());
    row.setLength(0);
  }
}
