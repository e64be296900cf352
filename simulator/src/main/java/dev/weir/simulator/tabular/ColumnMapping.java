package dev.weir.simulator.tabular;

import java.util.List;
import java.util.Objects;

/**
 * How the columns of a CSV file (or the fields of NDJSON objects, with {@code a.b} for nested fields and {@code a.0}
 * for array elements) become readings.
 *
 * <p>Each row is one reading: its time ({@code timeNs}, and {@code stampNs} too unless a stamp column is mapped) comes
 * from the timestamp column, its sensor from a fixed id or a column, its index from a column or else from the row's
 * position among the sensor's rows (0, 1, ...). Values come from the listed columns, or by default from every column
 * that is not mapped to something else and is not empty in that row; the first row of each sensor fixes which, and
 * every later row of that sensor must fill the same ones. Rows must be in time order (non-decreasing timestamps).
 *
 * @param timestampField the column holding the time, never empty
 * @param unit how that column writes time
 * @param origin whether times are kept or shifted to start at 0
 * @param sensorId the sensor of every row; empty when {@code sensorField} is used
 * @param sensorField the column naming each row's sensor; empty when {@code sensorId} is used
 * @param valueFields the value columns in channel order; empty for the default described above
 * @param stampField the column holding the sensor timestamp in ns (same unit and origin rule); empty to use the time
 * @param indexField the column holding the sample index, an integer; empty to count rows per sensor
 */
public record ColumnMapping(String timestampField, TimestampUnit unit, TimeOrigin origin, String sensorId,
    String sensorField, List<String> valueFields, String stampField, String indexField) {

  public ColumnMapping {
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(origin, "origin");
    valueFields = List.copyOf(valueFields);
    if (timestampField.isEmpty()) {
      throw new IllegalArgumentException("the timestamp column must be named");
    }
    if (sensorId.isEmpty() == sensorField.isEmpty()) {
      throw new IllegalArgumentException("give either a fixed sensor id or a sensor column, not "
          + (sensorId.isEmpty() ? "neither" : "both"));
    }
  }

  /** Every row is a reading of {@code sensorId}, timed by {@code timestampField}; times start at the first row. */
  public static ColumnMapping of(String timestampField, TimestampUnit unit, String sensorId) {
    return new ColumnMapping(timestampField, unit, TimeOrigin.FIRST_ROW, sensorId, "", List.of(), "", "");
  }

  /** The mapping of the CSV that {@link CsvWriter} writes: imports it back exactly. */
  public static ColumnMapping weirCsv() {
    return new ColumnMapping(CsvWriter.TIME, TimestampUnit.NANOSECONDS, TimeOrigin.ABSOLUTE, "", CsvWriter.SENSOR,
        List.of(), CsvWriter.STAMP, CsvWriter.INDEX);
  }

  /** Takes each row's sensor id from {@code field} instead of a fixed id. */
  public ColumnMapping withSensorField(String field) {
    return new ColumnMapping(timestampField, unit, origin, "", field, valueFields, stampField, indexField);
  }

  public ColumnMapping withValueFields(List<String> fields) {
    return new ColumnMapping(timestampField, unit, origin, sensorId, sensorField, fields, stampField, indexField);
  }

  public ColumnMapping withStampField(String field) {
    return new ColumnMapping(timestampField, unit, origin, sensorId, sensorField, valueFields, field, indexField);
  }

  public ColumnMapping withIndexField(String field) {
    return new ColumnMapping(timestampField, unit, origin, sensorId, sensorField, valueFields, stampField, field);
  }

  public ColumnMapping withOrigin(TimeOrigin o) {
    return new ColumnMapping(timestampField, unit, o, sensorId, sensorField, valueFields, stampField, indexField);
  }

  /** Whether {@code field} is mapped to anything but a value. */
  boolean isMapped(String field) {
    return field.equals(timestampField) || field.equals(sensorField) || field.equals(stampField)
        || field.equals(indexField);
  }
}
