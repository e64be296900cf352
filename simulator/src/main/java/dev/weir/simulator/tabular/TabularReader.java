package dev.weir.simulator.tabular;

import dev.weir.simulator.stream.Reading;
import dev.weir.simulator.stream.ReadingSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Streams the readings of a CSV or NDJSON field log, one row at a time, as its {@link ColumnMapping} says. A bad row
 * is an error naming the file, line and column, never skipped. Files are read as UTF-8.
 */
public final class TabularReader implements ReadingSource {

  private final RowSource rows;
  private final RowMapper mapper;

  private TabularReader(RowSource rows, ColumnMapping mapping) {
    this.rows = rows;
    this.mapper = new RowMapper(mapping, rows);
  }

  /** Opens an RFC 4180 CSV file with a header row; the header is read (and checked) now. */
  public static TabularReader csv(Path file, ColumnMapping mapping) throws IOException {
    BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    try {
      return new TabularReader(new CsvRowSource(in, file.getFileName().toString()), mapping);
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /** Opens a file of one JSON object per line. */
  public static TabularReader ndjson(Path file, ColumnMapping mapping) throws IOException {
    BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    return new TabularReader(new NdjsonRowSource(in, file.getFileName().toString()), mapping);
  }

  /**
   * The next row's reading, or null at the end of the file.
   *
   * @throws TabularFormatException when the row does not match the format or the mapping
   */
  @Override
  public Reading next() throws IOException {
    List<Cell> row = rows.next();
    return row == null ? null : mapper.toReading(row);
  }

  /**
   * The sensors seen so far, in order of first appearance, each with its value columns in channel order. After the
   * last row this names every sensor of the file.
   */
  public Map<String, List<String>> sensors() {
    return mapper.sensors();
  }

  @Override
  public void close() throws IOException {
    rows.close();
  }
}
