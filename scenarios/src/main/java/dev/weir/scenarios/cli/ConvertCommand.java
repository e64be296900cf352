package dev.weir.scenarios.cli;

import dev.weir.simulator.recording.RecordingReader;
import dev.weir.simulator.recording.RunInfo;
import dev.weir.simulator.recording.SensorInfo;
import dev.weir.simulator.stream.Reading;
import dev.weir.simulator.stream.ReadingCopy;
import dev.weir.simulator.stream.ReadingSink;
import dev.weir.simulator.stream.ReadingSource;
import dev.weir.simulator.tabular.ColumnMapping;
import dev.weir.simulator.tabular.CsvWriter;
import dev.weir.simulator.tabular.TabularReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code weir convert}: readings from one file format into another. */
@Command(name = "convert", mixinStandardHelpOptions = true,
    description = {"Converts readings between CSV, NDJSON and MCAP; the formats follow the file extensions "
        + "(.csv, .ndjson or .jsonl, .mcap) unless --from/--to say otherwise.",
        "A field log is read with the column options below; without them, weir's own CSV layout "
        + "(time_ns, stamp_ns, sensor, index, <sensor>.<channel>...) is expected, so weir's exports convert back losslessly.",
        "The output appears only when complete."})
final class ConvertCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "IN", description = "Input file.")
  Path in;

  @Parameters(index = "1", paramLabel = "OUT", description = "Output file; written atomically.")
  Path out;

  @Option(names = "--from", paramLabel = "csv|ndjson|mcap", description = "Input format, if not the extension's.")
  FileFormat from;

  @Option(names = "--to", paramLabel = "csv|mcap", description = "Output format, if not the extension's.")
  FileFormat to;

  @Mixin
  FieldLogOptions fieldLog;

  @Mixin
  RecordingOptions recording;

  @Option(names = {"-q", "--quiet"}, description = "No progress output.")
  boolean quiet;

  @Override
  public Integer call() throws IOException {
    FileFormat input = from != null ? from : FileFormat.of(in, "IN");
    FileFormat output = to != null ? to : FileFormat.of(out, "OUT");
    if (output == FileFormat.ndjson) {
      throw new BadInputException("NDJSON is an input format only; write .csv or .mcap");
    }
    ColumnMapping mapping = fieldLog.mapping();
    List<SensorInfo> sensors = input == FileFormat.mcap ? sensorsOf(in) : sensorsOf(input, mapping);
    try (ReadingSource source = open(input, mapping)) {
      Progress progress = Progress.on(spec.commandLine().getErr(), "convert", !quiet);
      ReadingCopy.all(source, create(output, sensors), r -> progress.step(-1));
      progress.done();
    }
    return WeirCli.OK;
  }

  private ReadingSource open(FileFormat format, ColumnMapping mapping) throws IOException {
    return format == FileFormat.mcap ? RecordingReader.open(in) : openFieldLog(format, mapping);
  }

  private TabularReader openFieldLog(FileFormat format, ColumnMapping mapping) throws IOException {
    return format == FileFormat.csv ? TabularReader.csv(in, mapping) : TabularReader.ndjson(in, mapping);
  }

  private ReadingSink create(FileFormat format, List<SensorInfo> sensors) throws IOException {
    if (format == FileFormat.mcap) {
      return recording.create(out, sensors, new RunInfo(in.getFileName().toString(), 0, 0));
    }
    return CsvWriter.create(out, sensors.stream().map(s -> new CsvWriter.Sensor(s.id(), s.channels())).toList());
  }

  /** A recording declares its sensors before its first message. */
  private List<SensorInfo> sensorsOf(Path recording) throws IOException {
    try (RecordingReader reader = RecordingReader.open(recording)) {
      reader.next();
      return reader.sensors().stream().map(s -> s.info()).toList();
    }
  }

  /** A field log names its sensors row by row: one pass finds them all and their value columns. */
  private List<SensorInfo> sensorsOf(FileFormat format, ColumnMapping mapping) throws IOException {
    try (TabularReader reader = openFieldLog(format, mapping)) {
      while (reader.next() != null) {
        // reading to the end checks every row and collects the sensors
      }
      List<SensorInfo> sensors = new ArrayList<>();
      for (Map.Entry<String, List<String>> e : reader.sensors().entrySet()) {
        sensors.add(SensorInfo.imported(e.getKey(), withoutSensorPrefix(e.getKey(), e.getValue())));
      }
      return sensors;
    }
  }

  /** weir's CSV names value columns {@code <sensor>.<channel>}; the channel is the part after the prefix. */
  private static List<String> withoutSensorPrefix(String sensor, List<String> columns) {
    String prefix = sensor + ".";
    boolean all = columns.stream().allMatch(c -> c.startsWith(prefix) && c.length() > prefix.length());
    return all ? columns.stream().map(c -> c.substring(prefix.length())).toList() : columns;
  }

  /** The file formats convert knows, by their usual extension. */
  enum FileFormat {
    csv, ndjson, mcap;

    static FileFormat of(Path file, String label) {
      String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
      if (name.endsWith(".csv")) {
        return csv;
      }
      if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
        return ndjson;
      }
      if (name.endsWith(".mcap")) {
        return mcap;
      }
      throw new BadInputException(label + " " + file + ": cannot tell the format from the extension; "
          + "use .csv, .ndjson, .jsonl or .mcap, or say --" + (label.equals("IN") ? "from" : "to"));
    }
  }
}
