package dev.weir.scenarios.cli;

import dev.weir.simulator.inspect.RecordingStats;
import dev.weir.simulator.mcap.ConformanceJson;
import dev.weir.simulator.mcap.McapStreamReader;
import dev.weir.simulator.mcap.ReadOptions;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code weir inspect}: what is in an MCAP file. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
    description = {"Shows an MCAP file's channels, message counts, time range, rates and gaps.",
        "Reads the file once, streamed: any size works."})
final class InspectCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE.mcap", description = "The recording.")
  Path file;

  @ArgGroup(exclusive = true)
  Format format = new Format();

  static final class Format {
    @Option(names = "--json", description = "Print the summary as JSON, for machines.")
    boolean json;

    @Option(names = "--conformance-json",
        description = "Print the records a streamed read yields, in the MCAP conformance-test JSON layout.")
    boolean conformance;
  }

  @Option(names = "--salvage", description = "Read the valid prefix of a damaged file instead of failing.")
  boolean salvage;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    ReadOptions options = ReadOptions.strict().withSalvage(salvage);
    if (format.conformance) {
      try (McapStreamReader reader = McapStreamReader.open(file, options)) {
        ConformanceJson.write(reader, out);
      }
      out.flush();
      return WeirCli.OK;
    }
    RecordingStats stats;
    double size = Math.max(1, Files.size(file));
    Progress progress = Progress.on(spec.commandLine().getErr(), "inspect", true);
    try (McapStreamReader reader = McapStreamReader.open(file, options.withIncludeChunkRecords(true))) {
      stats = RecordingStats.scan(reader, position -> progress.step(position / size));
    }
    progress.done();
    if (format.json) {
      StatsJson.write(file, stats, out);
    } else {
      StatsTable.write(file, stats, out);
    }
    out.flush();
    return WeirCli.OK;
  }
}
