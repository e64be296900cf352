package dev.weir.scenarios.engine;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;

/**
 * What a project using weir writes: a suite that hands its scenario folder to the weir engine,
 * so {@code mvn verify} runs the scenarios as tests, each named in Surefire's report by its id.
 */
@Suite
@IncludeEngines(WeirTestEngine.ID)
@SelectDirectories("src/test/scenarios")
class ScenarioSuiteTest {}
