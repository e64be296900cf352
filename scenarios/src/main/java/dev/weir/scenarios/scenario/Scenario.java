package dev.weir.scenarios.scenario;

import dev.weir.simulator.pacing.Speed;
import java.util.List;

/**
 * One scenario, as its file declares it (after a matrix combination, if the file has a matrix):
 * where the readings come from, how they travel, which page consumes them, how fast, and what
 * the checkers must find. Immutable; a pure description, run by the scenario runner.
 *
 * @param file the file it was read from, as named to the parser
 * @param name a safe id: letters, digits, '_', '.', '-', starting with a letter or digit
 * @param description free text; empty when not given
 * @param tags safe ids, unique, in file order, for JUnit tag expressions
 * @param source the simulator's sensors or a recording
 * @param transport kind, window and wire faults
 * @param frontend the page and its configuration
 * @param speed how fast virtual time runs against the wall clock; 1x when not given
 * @param expectations the checkers that judge the run, in file order, each key at most once
 */
public record Scenario(String file, String name, String description, List<String> tags, Source source,
    TransportSpec transport, FrontendSpec frontend, Speed speed, List<Expectation> expectations) {

  public Scenario {
    tags = List.copyOf(tags);
    expectations = List.copyOf(expectations);
  }

  /** The run's seed, whatever the source. */
  public long seed() {
    return source.seed();
  }

  /**
   * This scenario run with {@code seed} instead of its own ({@code weir run --seed}): the
   * simulator's values and source faults, and the wire faults' choices, all follow the new seed;
   * everything else is unchanged.
   */
  public Scenario withSeed(long seed) {
    return new Scenario(file, name, description, tags, source.withSeed(seed), transport, frontend,
        speed, expectations);
  }
}
