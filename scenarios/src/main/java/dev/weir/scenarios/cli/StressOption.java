package dev.weir.scenarios.cli;

import dev.weir.scenarios.run.Stress;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --stress SPEC}: what {@code weir run} and {@code weir replay}, the commands that run
 * scenarios through the browser, mix in to load the machine while their runs execute.
 */
final class StressOption {

  @Option(names = "--stress", paramLabel = "SPEC",
      description = "Load the machine while the runs execute, to show the verdicts hold on a busy"
          + " one: cpu=N (N 1 or more, such as cpu=4) spins N busy threads in weir's JVM from"
          + " right before the first run to right after the last. Printed under the table with"
          + " the load average at the start and the end, and kept in the JSON and the report")
  String spec;

  /**
   * The stress asked for; empty without the option.
   *
   * @throws BadInputException for a spec that is not one, naming it and the form expected
   */
  Optional<Stress> stress() {
    try {
      return Optional.ofNullable(spec).map(Stress::parse);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--stress " + spec + ": " + e.getMessage());
    }
  }
}
