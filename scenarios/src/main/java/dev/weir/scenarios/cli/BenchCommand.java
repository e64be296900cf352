package dev.weir.scenarios.cli;

import dev.weir.harness.bench.BrowserBench;
import dev.weir.harness.bench.TransportBench;
import dev.weir.harness.bench.TransportReport;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code weir bench}: end-to-end benchmarks (the in-process ones are JMH: {@code weir jmh}). */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "End-to-end benchmarks; each prints medians over repeated runs.",
    subcommands = {BenchCommand.Browser.class, BenchCommand.Transports.class})
final class BenchCommand {

  /** {@code weir bench browser}. */
  @Command(name = "browser", mixinStandardHelpOptions = true,
      description = {"Measures the headless browser runtime: start to first page, page create/load/close,"
          + " JS→Java→JS round trips, Java→JS push throughput (16 B, 1 KB, 64 KB),"
          + " custom-scheme fetch and the memory of the whole process tree.",
          "Each run is a fresh JVM; the table shows medians, ranges and this machine's targets."})
  static final class Browser implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--runs", defaultValue = "5", paramLabel = "N",
        description = "How many fresh-JVM runs to take the median over (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--json", description = "Print the figures, with every run's sample, as JSON.")
    boolean json;

    @Override
    public Integer call() {
      if (runs < 1) {
        throw new BadInputException("--runs must be at least 1, was " + runs);
      }
      PrintWriter err = spec.commandLine().getErr();
      BrowserBench bench = BrowserBench.run(runs, step -> err.println("weir bench browser: " + step));
      PrintWriter out = spec.commandLine().getOut();
      out.print(json ? bench.json() : bench.table());
      out.flush();
      return WeirCli.OK;
    }
  }

  /** {@code weir bench transports}. */
  @Command(name = "transports", mixinStandardHelpOptions = true,
      description = {"Measures every transport side by side in one page, beside raw script evaluation"
          + " and raw custom-scheme fetch: throughput for 16 B, 1 KB, 64 KB and 1 MB payloads,"
          + " batched readings/s, one-way latency p50/p99 (16 B, 2 ms apart).",
          "Prints whether this machine meets the targets and the claims commonly made about these transports."})
  static final class Transports implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json",
        description = "Print an array of rows {transport, payload_bytes, batch, msgs_per_s, mb_per_s, p50_ms, p99_ms}.")
    boolean json;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      TransportReport report =
          new TransportReport(TransportBench.run(step -> err.println("weir bench transports: " + step)));
      PrintWriter out = spec.commandLine().getOut();
      out.print(json ? report.json() : report.table());
      out.flush();
      return WeirCli.OK;
    }
  }
}
