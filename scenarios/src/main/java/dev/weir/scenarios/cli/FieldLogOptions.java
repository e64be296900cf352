package dev.weir.scenarios.cli;

import dev.weir.simulator.tabular.ColumnMapping;
import dev.weir.simulator.tabular.TimeOrigin;
import dev.weir.simulator.tabular.TimestampUnit;
import java.util.List;
import picocli.CommandLine.Option;

/** How the columns of a CSV or NDJSON field log become readings. */
final class FieldLogOptions {

  /** Timestamp units as users spell them. */
  enum Unit {
    ns(TimestampUnit.NANOSECONDS), us(TimestampUnit.MICROSECONDS), ms(TimestampUnit.MILLISECONDS),
    s(TimestampUnit.SECONDS), iso8601(TimestampUnit.ISO_8601);

    final TimestampUnit unit;

    Unit(TimestampUnit unit) {
      this.unit = unit;
    }
  }

  /** Time origins as users spell them. */
  enum Origin {
    absolute(TimeOrigin.ABSOLUTE), first_row(TimeOrigin.FIRST_ROW);

    final TimeOrigin origin;

    Origin(TimeOrigin origin) {
      this.origin = origin;
    }
  }

  @Option(names = "--time-column", paramLabel = "NAME",
      description = "Column (NDJSON: field, a.b for nested) holding each row's time. Without it, weir's own CSV layout is assumed.")
  String timeColumn;

  @Option(names = "--time-unit", paramLabel = "ns|us|ms|s|iso8601", defaultValue = "s",
      description = "How the time column writes time: a decimal number of a unit, or ISO-8601 instants. Default: ${DEFAULT-VALUE}.")
  Unit unit;

  @Option(names = "--time-origin", paramLabel = "first_row|absolute", defaultValue = "first_row",
      description = "first_row: the first row is time 0 (wall-clock logs replay from the start); absolute: times are kept. Default: ${DEFAULT-VALUE}.")
  Origin origin;

  @Option(names = "--sensor", paramLabel = "ID", description = "Every row is a reading of this sensor.")
  String sensor;

  @Option(names = "--sensor-column", paramLabel = "NAME", description = "Column naming each row's sensor.")
  String sensorColumn;

  @Option(names = "--values", paramLabel = "NAME", split = ",",
      description = "Value columns, in channel order. Default: every other non-empty column.")
  List<String> values;

  @Option(names = "--stamp-column", paramLabel = "NAME",
      description = "Column holding the sensor's own timestamp, same unit. Default: the time.")
  String stampColumn;

  @Option(names = "--index-column", paramLabel = "NAME",
      description = "Column holding the sample index. Default: rows are counted per sensor.")
  String indexColumn;

  /** The mapping the options describe; weir's own CSV layout when no time column is named. */
  ColumnMapping mapping() {
    if (timeColumn == null) {
      if (sensor != null || sensorColumn != null || values != null || stampColumn != null || indexColumn != null) {
        throw new BadInputException("--time-column is required with --sensor, --sensor-column, --values, "
            + "--stamp-column or --index-column (without them, weir's own CSV layout is assumed)");
      }
      return ColumnMapping.weirCsv();
    }
    if ((sensor == null) == (sensorColumn == null)) {
      throw new BadInputException("say which sensor each row belongs to: --sensor ID or --sensor-column NAME"
          + (sensor == null ? "" : ", not both"));
    }
    return new ColumnMapping(timeColumn, unit.unit, origin.origin, orEmpty(sensor), orEmpty(sensorColumn),
        values == null ? List.of() : values, orEmpty(stampColumn), orEmpty(indexColumn));
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
