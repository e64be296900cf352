package dev.weir.scenarios.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * One scenario to run: a file's scenario, or one combination of its {@code matrix}.
 *
 * @param id the scenario's name, followed for a matrix combination by its parameters, like
 *     {@code ordering[kind=channel,seed=1]}; unique within a file and stable across runs
 * @param parameters the combination, by label (a matrix path's last part, or the whole path where
 *     two would share one) in the matrix's order, values as written; empty without a matrix
 * @param scenario the scenario with the combination's values in place
 */
public record ScenarioInstance(String id, Map<String, String> parameters, Scenario scenario) {

  private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9_.,=\\[\\]-]");

  public ScenarioInstance {
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  /** The id of {@code name} with {@code parameters}: the name alone when there are none. */
  static String id(String name, Map<String, String> parameters) {
    if (parameters.isEmpty()) {
      return name;
    }
    StringJoiner joined = new StringJoiner(",", name + "[", "]");
    parameters.forEach((label, value) -> joined.add(label + "=" + value));
    return joined.toString();
  }

  /**
   * This instance run with {@code seed} instead of its own (see {@link Scenario#withSeed}). The id
   * stays the file's, matrix values included, so runs keep their names in tables and reports.
   */
  public ScenarioInstance withSeed(long seed) {
    return new ScenarioInstance(id, parameters, scenario.withSeed(seed));
  }

  /**
   * The id as a file name: every character other than letters, digits and {@code _ . , = [ ] -}
   * (a matrix value may be a path) replaced by {@code _}.
   */
  public String fileName() {
    return UNSAFE.matcher(id).replaceAll("_");
  }
}
