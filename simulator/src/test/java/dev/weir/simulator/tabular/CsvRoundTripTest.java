package dev.weir.simulator.tabular;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weir.simulator.stream.Reading;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRoundTripTest {

  private static final List<CsvWriter.Sensor> SENSORS = List.of(new CsvWriter.Sensor("accel", List.of("x", "y", "z")),
      new CsvWriter.Sensor("t,\"q\"", List.of("c")));

  @TempDir
  Path dir;

  @Test
  void readingsSurviveExportAndImportBitForBit() throws IOException {
    SplittableRandom random = new SplittableRandom(5);
    List<Reading> readings = new ArrayList<>();
    long time = -1_000;
    for (int i = 0; i < 5_000; i++) {
      boolean accel = random.nextBoolean();
      double[] values = new double[accel ? 3 : 1];
      for (int c = 0; c < values.length; c++) {
        long bits = random.nextLong();
        values[c] = Double.isNaN(Double.longBitsToDouble(bits)) ? Double.NaN : Double.longBitsToDouble(bits);
      }
      time += random.nextInt(3);
      readings.add(new Reading(accel ? "accel" : "t,\"q\"", random.nextLong(), time, random.nextLong(), values));
    }
    Path file = export(readings);
    assertEquals(readings, importWeirCsv(file));
  }

  @Test
  void exportedCsvIsReproducedByImportAndExport() throws IOException {
    String csv = "time_ns,stamp_ns,sensor,index,accel.x,accel.y,accel.z,\"t,\"\"q\"\".c\"\r\n"
        + "0,5,accel,0,0.1,-0.0,NaN,\r\n"
        + "0,-3,\"t,\"\"q\"\"\",0,,,,1.0E-300\r\n"
        + "7,7,accel,0,Infinity,-Infinity,4.9E-324,\r\n";
    Path file = Files.writeString(dir.resolve("in.csv"), csv, StandardCharsets.UTF_8);
    Path again = export(importWeirCsv(file));
    assertEquals(csv, Files.readString(again, StandardCharsets.UTF_8));
  }

  private Path export(List<Reading> readings) throws IOException {
    Path file = dir.resolve("out.csv");
    try (CsvWriter writer = CsvWriter.create(file, SENSORS)) {
      for (Reading r : readings) {
        writer.write(r);
      }
    }
    return file;
  }

  private static List<Reading> importWeirCsv(Path file) throws IOException {
    List<Reading> out = new ArrayList<>();
    try (TabularReader reader = TabularReader.csv(file, ColumnMapping.weirCsv())) {
      for (Reading r = reader.next(); r != null; r = reader.next()) {
        out.add(r);
      }
    }
    return out;
  }
}
