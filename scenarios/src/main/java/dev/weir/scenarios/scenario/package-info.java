/**
 * Scenario files, format v1: the immutable model ({@link dev.weir.scenarios.scenario.Scenario} and
 * the records it holds), its parser ({@link dev.weir.scenarios.scenario.ScenarioParser}, which
 * reuses the simulator's parser for the simulator's keys and expands a {@code matrix} into
 * {@link dev.weir.scenarios.scenario.ScenarioInstance}s), its writer for one scenario with a recorded
 * source ({@link dev.weir.scenarios.scenario.ScenarioWriter}), and the discovery of scenario files in
 * a folder. Every bad input is a {@link dev.weir.simulator.spec.SpecException} naming file, line,
 * column and byte offset. Running a scenario is not here; building each checker is
 * ({@link dev.weir.scenarios.scenario.Expectation#checker()}). Format: {@code
 * docs/scenario-format.md} and {@code scenario.schema.json} next to this package's classes.
 */
package dev.weir.scenarios.scenario;
