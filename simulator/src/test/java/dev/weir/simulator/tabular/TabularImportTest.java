package dev.weir.simulator.tabular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.simulator.stream.Reading;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TabularImportTest {

  @TempDir
  Path dir;

  @Nested
  class Csv {

    @Test
    void rowsBecomeReadingsTimedFromTheFirstRow() throws IOException {
      List<Reading> readings = csv("t,x,y\n1000.5,1,2\n1001,-0.0,NaN\n", ColumnMapping.of("t", TimestampUnit.MILLISECONDS,
          "imu"));
      assertEquals(List.of(new Reading("imu", 0, 0, 0, new double[] {1, 2}),
          new Reading("imu", 1, 500_000, 500_000, new double[] {-0.0, Double.NaN})), readings);
    }

    @Test
    void quotedFieldsMayHoldCommasQuotesAndLineBreaks() throws IOException {
      ColumnMapping mapping = ColumnMapping.of("time, s", TimestampUnit.SECONDS, "x").withSensorField("sensor")
          .withValueFields(List.of("v"));
      List<Reading> readings = csv("\"time, s\",sensor,v\r\n0,\"a,\"\"b\"\"\r\nc\",1\r\n1,\"b\",2", mapping);
      assertEquals(List.of(new Reading("a,\"b\"\r\nc", 0, 0, 0, new double[] {1}),
          new Reading("b", 0, 1_000_000_000, 1_000_000_000, new double[] {2})), readings);
      // the embedded line break counts: the third record starts on line 4
      assertCsvError("\"time, s\",sensor,v\r\n0,\"a\r\nc\",1\r\n1,\"\",2\r\n", mapping,
          "field.csv:4:3: column \"sensor\": expected a sensor id, found an empty column");
    }

    @Test
    void sparseMultiSensorRowsFillTheirOwnColumns() throws IOException {
      List<Reading> readings = csv("t,sensor,temp,ax,ay\n0,th,21.5,,\n1,acc,,0.1,0.2\n2,th,21.6,,\n",
          ColumnMapping.of("t", TimestampUnit.NANOSECONDS, "x").withSensorField("sensor"));
      assertEquals(List.of(new Reading("th", 0, 0, 0, new double[] {21.5}),
          new Reading("acc", 0, 1, 1, new double[] {0.1, 0.2}), new Reading("th", 1, 2, 2, new double[] {21.6})),
          readings);
    }

    @Test
    void isoInstantsAreNanosecondsSinceTheEpochWhenAbsolute() throws IOException {
      List<Reading> readings = csv("at,v\n1970-01-01T00:00:01.000000002Z,1\n1970-01-01T01:00:01.5+01:00,2\n",
          ColumnMapping.of("at", TimestampUnit.ISO_8601, "s").withOrigin(TimeOrigin.ABSOLUTE));
      assertEquals(List.of(1_000_000_002L, 1_500_000_000L), readings.stream().map(Reading::timeNs).toList());
    }

    @Test
    void aNonNumberIsReportedWithFileLineAndColumn() {
      assertCsvError("t,temp,hum\n0,1,2\n1,abc,2\n", ColumnMapping.of("t", TimestampUnit.SECONDS, "s"),
          "field.csv:3:3: column \"temp\": expected a number, found \"abc\"");
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsReported() {
      assertCsvError("t,a,b\n0,1,2\n1,2\n", ColumnMapping.of("t", TimestampUnit.SECONDS, "s"),
          "field.csv:3:3: expected 3 fields as in the header, found 2");
    }

    @Test
    void anUnclosedQuoteIsReportedWhereTheFieldStarts() {
      assertCsvError("t,a\n0,\"1\n2\n", ColumnMapping.of("t", TimestampUnit.SECONDS, "s"),
          "field.csv:2:3: quoted field is not closed before the end of the file");
    }

    @Test
    void aStrayQuoteIsReported() {
      assertCsvError("t,a\n0,1\"2\n", ColumnMapping.of("t", TimestampUnit.SECONDS, "s"),
          "field.csv:2:4: a quote inside an unquoted field; quote the whole field and double the quote (\"\")");
      assertCsvError("t,a\n0,\"1\"2\n", ColumnMapping.of("t", TimestampUnit.SECONDS, "s"),
          "field.csv:2:6: expected a comma or the end of the line after the closing quote, found '2'");
    }

    @Test
    void timeGoingBackwardsIsRefused() {
      assertCsvError("t,a\n2,1\n1,1\n", ColumnMapping.of("t", TimestampUnit.SECONDS, "s"),
          "field.csv:3:1: column \"t\": time goes backwards: \"1\" is before the time on line 2; rows must be in "
              + "time order");
    }

    @Test
    void subNanosecondTimestampsAreRefusedRatherThanRounded() {
      assertCsvError("t,a\n0.0000000001,1\n", ColumnMapping.of("t", TimestampUnit.SECONDS, "s"),
          "field.csv:2:1: column \"t\": expected a time in s (a decimal number with at most 9 decimal places, within "
              + "±292 years), found \"0.0000000001\"");
    }

    @Test
    void aSensorChangingItsValueColumnsIsRefused() {
      assertCsvError("t,a,b\n0,1,2\n1,1,\n", ColumnMapping.of("t", TimestampUnit.SECONDS, "s"),
          "field.csv:3:1: sensor \"s\" has values in [a], but its first row (line 2) had [a, b]; every row of a "
              + "sensor must fill the same columns");
    }

    @Test
    void aMissingMappedColumnIsReported() {
      assertCsvError("time,a\n0,1\n", ColumnMapping.of("t", TimestampUnit.SECONDS, "s"),
          "field.csv:2:1: expected a column \"t\", found none");
    }

    @Test
    void emptyFileAndDuplicateHeaderAreRefused() {
      assertCsvError("", ColumnMapping.of("t", TimestampUnit.SECONDS, "s"),
          "field.csv:1:1: expected a header row, found an empty file");
      assertCsvError("t,a,a\n", ColumnMapping.of("t", TimestampUnit.SECONDS, "s"),
          "field.csv:1:5: column name \"a\" appears twice");
    }

    private List<Reading> csv(String text, ColumnMapping mapping) throws IOException {
      Path file = write("field.csv", text);
      List<Reading> out = new ArrayList<>();
      try (TabularReader reader = TabularReader.csv(file, mapping)) {
        for (Reading r = reader.next(); r != null; r = reader.next()) {
          out.add(r);
        }
      }
      return out;
    }

    private void assertCsvError(String text, ColumnMapping mapping, String expected) {
      TabularFormatException e = assertThrows(TabularFormatException.class, () -> csv(text, mapping));
      assertEquals(expected, e.getMessage());
    }
  }

  @Nested
  class Ndjson {

    @Test
    void nestedFieldsAndArraysFlattenToDottedPaths() throws IOException {
      List<Reading> readings = ndjson("{\"t\":5,\"imu\":{\"id\":\"a\",\"acc\":[1,2.5]}}\n\n"
          + "{\"imu\":{\"acc\":[\"NaN\",3],\"id\":\"a\"},\"t\":6}\n",
          ColumnMapping.of("t", TimestampUnit.MICROSECONDS, "x").withSensorField("imu.id"));
      assertEquals(List.of(new Reading("a", 0, 0, 0, new double[] {1, 2.5}),
          new Reading("a", 1, 1000, 1000, new double[] {Double.NaN, 3})), readings);
    }

    @Test
    void weirJsonMessagesImportWithTheirOwnFields() throws IOException {
      List<Reading> readings = ndjson("{\"sensor\":\"accel\",\"index\":7,\"stamp_ns\":120,\"values\":[0.1,\"-Infinity\"]}\n",
          ColumnMapping.of("stamp_ns", TimestampUnit.NANOSECONDS, "x").withSensorField("sensor")
              .withIndexField("index").withOrigin(TimeOrigin.ABSOLUTE));
      assertEquals(List.of(new Reading("accel", 7, 120, 120, new double[] {0.1, Double.NEGATIVE_INFINITY})), readings);
    }

    @Test
    void aWrongTypeIsReportedWithLineAndCharacterColumn() {
      assertNdjsonError("{\"t\":1,\"v\":1}\n{\"t\":2,\"v\":true}\n", ColumnMapping.of("t", TimestampUnit.SECONDS, "s"),
          "log.ndjson:2:12: field \"v\": expected a number, found true");
    }

    @Test
    void malformedJsonAndDuplicateKeysAreReported() {
      assertNdjsonError("{\"t\":1,\"v\":}\n", ColumnMapping.of("t", TimestampUnit.SECONDS, "s"),
          "log.ndjson:1:12: Unexpected character ('}' (code 125)): expected a value");
      assertNdjsonError("{\"t\":1,\"t\":2}\n", ColumnMapping.of("t", TimestampUnit.SECONDS, "s"),
          "log.ndjson:1:11: Duplicate field 't'");
      assertNdjsonError("[1]\n", ColumnMapping.of("t", TimestampUnit.SECONDS, "s"),
          "log.ndjson:1:1: expected a JSON object, found [");
    }

    private List<Reading> ndjson(String text, ColumnMapping mapping) throws IOException {
      Path file = write("log.ndjson", text);
      List<Reading> out = new ArrayList<>();
      try (TabularReader reader = TabularReader.ndjson(file, mapping)) {
        for (Reading r = reader.next(); r != null; r = reader.next()) {
          out.add(r);
        }
      }
      return out;
    }

    private void assertNdjsonError(String text, ColumnMapping mapping, String expected) {
      TabularFormatException e = assertThrows(TabularFormatException.class, () -> ndjson(text, mapping));
      assertEquals(expected, e.getMessage());
    }
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }
}
