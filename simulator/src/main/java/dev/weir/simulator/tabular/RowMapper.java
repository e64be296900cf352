package dev.weir.simulator.tabular;

import dev.weir.simulator.stream.Reading;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Applies a {@link ColumnMapping} to rows, keeping the per-file state it needs: origin, last time, per-sensor counts. */
final class RowMapper {

  /** JSON-style decimals plus the NaN and infinity spellings weir writes; nothing Java-only like {@code 1d} or hex. */
  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?|NaN|[+-]?Infinity");
  private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)");
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

  private final ColumnMapping mapping;
  private final RowSource source;
  private final Map<String, SensorState> sensors = new LinkedHashMap<>();
  private final Map<String, Cell> byName = new HashMap<>();
  private boolean started;
  private long originNs;
  private long lastTimeNs;
  private long lastTimeLine;

  /** What the first row of a sensor fixed, and how many rows it has had. */
  private static final class SensorState {
    final List<String> valueNames;
    final long firstLine;
    long rows;

    SensorState(List<String> valueNames, long firstLine) {
      this.valueNames = valueNames;
      this.firstLine = firstLine;
    }
  }

  RowMapper(ColumnMapping mapping, RowSource source) {
    this.mapping = mapping;
    this.source = source;
  }

  /** Each sensor seen so far with its value columns, in order of first appearance. */
  Map<String, List<String>> sensors() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    sensors.forEach((id, state) -> out.put(id, List.copyOf(state.valueNames)));
    return out;
  }

  Reading toReading(List<Cell> row) throws TabularFormatException {
    byName.clear();
    for (Cell c : row) {
      byName.put(c.name(), c);
    }
    long time = time(required(mapping.timestampField()));
    long stamp = mapping.stampField().isEmpty() ? time : time(required(mapping.stampField()));
    if (!started) {
      started = true;
      originNs = mapping.origin() == TimeOrigin.FIRST_ROW ? time : 0;
    } else if (time < lastTimeNs) {
      Cell c = required(mapping.timestampField());
      throw error(c, "time goes backwards: " + c.shown() + " is before the time on line " + lastTimeLine
          + "; rows must be in time order");
    }
    lastTimeNs = time;
    lastTimeLine = source.line();
    String sensor = mapping.sensorId().isEmpty() ? sensorId(required(mapping.sensorField())) : mapping.sensorId();
    SensorState state = sensors.get(sensor);
    List<String> names = state != null ? state.valueNames : valueNames(row);
    if (state == null) {
      state = new SensorState(names, source.line());
      sensors.put(sensor, state);
    } else if (mapping.valueFields().isEmpty()) {
      checkSameValues(sensor, state, row);
    }
    double[] values = new double[names.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = number(required(names.get(i)));
    }
    long index = mapping.indexField().isEmpty() ? state.rows : integer(required(mapping.indexField()));
    state.rows++;
    return new Reading(sensor, index, time - originNs, stamp - originNs, values);
  }

  private List<String> valueNames(List<Cell> row) throws TabularFormatException {
    if (!mapping.valueFields().isEmpty()) {
      return mapping.valueFields();
    }
    List<String> names = new ArrayList<>();
    for (Cell c : row) {
      if (!mapping.isMapped(c.name()) && !c.isEmpty()) {
        names.add(c.name());
      }
    }
    if (names.isEmpty()) {
      throw new TabularFormatException(source.file(), source.line(), 1,
          "expected at least one value " + source.cellWord() + " besides the mapped ones, found none");
    }
    return names;
  }

  private void checkSameValues(String sensor, SensorState state, List<Cell> row) throws TabularFormatException {
    List<String> filled = new ArrayList<>();
    for (Cell c : row) {
      if (!mapping.isMapped(c.name()) && !c.isEmpty()) {
        filled.add(c.name());
      }
    }
    if (filled.size() != state.valueNames.size() || !state.valueNames.containsAll(filled)) {
      throw new TabularFormatException(source.file(), source.line(), 1, "sensor \"" + sensor + "\" has values in "
          + filled + ", but its first row (line " + state.firstLine + ") had " + state.valueNames
          + "; every row of a sensor must fill the same " + source.cellWord() + "s");
    }
  }

  private Cell required(String name) throws TabularFormatException {
    Cell c = byName.get(name);
    if (c == null) {
      throw new TabularFormatException(source.file(), source.line(), 1,
          "expected a " + source.cellWord() + " \"" + name + "\", found none");
    }
    return c;
  }

  private long time(Cell c) throws TabularFormatException {
    TimestampUnit unit = mapping.unit();
    if (unit == TimestampUnit.ISO_8601) {
      try {
        Instant t = DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(c.text(), Instant::from);
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
      } catch (DateTimeParseException | ArithmeticException e) {
        throw expected(c, "an ISO-8601 instant like 2024-05-01T12:00:00.5Z within years 1678..2261");
      }
    }
    String what = "a time in " + unit.symbol() + " (a decimal number with at most " + unit.decimalsToNanos()
        + " decimal places, within ±292 years)";
    if (c.kind() == Cell.Kind.LITERAL || !DECIMAL.matcher(c.text()).matches()) {
      throw expected(c, what);
    }
    try {
      return new BigDecimal(c.text()).movePointRight(unit.decimalsToNanos()).longValueExact();
    } catch (ArithmeticException e) {
      throw expected(c, what);
    }
  }

  private String sensorId(Cell c) throws TabularFormatException {
    if (c.kind() != Cell.Kind.TEXT || c.text().isEmpty()) {
      throw expected(c, "a sensor id");
    }
    return c.text();
  }

  private double number(Cell c) throws TabularFormatException {
    if (c.kind() == Cell.Kind.NUMBER || c.kind() == Cell.Kind.TEXT && NUMBER.matcher(c.text()).matches()) {
      return Double.parseDouble(c.text());
    }
    throw expected(c, "a number");
  }

  private long integer(Cell c) throws TabularFormatException {
    if (c.kind() != Cell.Kind.LITERAL && INTEGER.matcher(c.text()).matches()) {
      try {
        return Long.parseLong(c.text());
      } catch (NumberFormatException e) {
        // out of range: reported below like any other non-integer
      }
    }
    throw expected(c, "an integer between -2^63 and 2^63-1");
  }

  private TabularFormatException expected(Cell c, String what) {
    return error(c, "expected " + what + ", found " + (c.isEmpty() ? "an empty " + source.cellWord() : c.shown()));
  }

  private TabularFormatException error(Cell c, String problem) {
    return new TabularFormatException(source.file(), c.line(), c.column(),
        source.cellWord() + " \"" + c.name() + "\": " + problem);
  }
}
